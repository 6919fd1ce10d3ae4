namespace Digima.Core.Common;

/// <summary>Time-zone rules: times are stored in UTC and shown in the user's zone.</summary>
public static class TimeZones
{
    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The user's zone, falling back to Asia/Tokyo when the stored id is unknown on
    /// this machine (a node with another tz database must not crash a page).</summary>
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateTimeOffset ToUserTime(DateTimeOffset utc, string? zoneId) =>
        TimeZoneInfo.ConvertTime(utc, Find(zoneId));

    /// <summary>When a day starts in a zone, in UTC. A midnight that a summer-time change skips
    /// starts at the first moment that exists.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, string? zoneId)
    {
        var zone = Find(zoneId);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

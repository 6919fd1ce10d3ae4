using Digima.Core.Common;

namespace Digima.Core.Scheduling;

/// <summary>When a scheduled mail may go out (R11): chosen as a wall-clock time in the rep's zone,
/// stored in UTC, at least a minute ahead and at most a year.</summary>
public static class SendTimeRules
{
    public static readonly TimeSpan MinimumLead = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaximumLead = TimeSpan.FromDays(365);
    private static readonly TimeOnly NineAm = new(9, 0);

    /// <summary>The instant a wall-clock time means in the zone. A time skipped by summer time
    /// (02:30 on a spring-forward night) moves forward by the gap; a time that happens twice
    /// takes the first, so a mail is never sent an hour later than the rep expects.</summary>
    public static DateTimeOffset ToUtc(DateTime local, string? zoneId)
    {
        var zone = TimeZones.Find(zoneId);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            var gap = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= wall && r.DateEnd >= wall)?.DaylightDelta ?? TimeSpan.FromHours(1);
            wall = wall + gap;
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    /// <summary>The wall-clock time in the zone, for showing and editing.</summary>
    public static DateTime ToLocal(DateTimeOffset utc, string? zoneId) => TimeZones.ToUserTime(utc, zoneId).DateTime;

    /// <summary>Null when the time is acceptable, otherwise the resource key of the reason.</summary>
    public static string? Problem(DateTimeOffset sendAt, DateTimeOffset now) =>
        sendAt < now + MinimumLead ? "ScheduleTooSoon"
        : sendAt > now + MaximumLead ? "ScheduleTooLate"
        : null;

    /// <summary>「明日 9:00」 in the rep's zone.</summary>
    public static DateTime TomorrowNine(DateTimeOffset now, string? zoneId) =>
        Today(now, zoneId).AddDays(1).ToDateTime(NineAm);

    /// <summary>「翌営業日 9:00」: the next business day after today (no weekend, national holiday,
    /// year-end break or company holiday: <see cref="Calendar.BusinessCalendar"/>), 9:00.</summary>
    public static DateTime NextBusinessDayNine(DateTimeOffset now, string? zoneId, Calendar.BusinessCalendar? calendar = null) =>
        (calendar ?? Calendar.BusinessCalendar.Default).NextBusinessDay(Today(now, zoneId)).ToDateTime(NineAm);

    private static DateOnly Today(DateTimeOffset now, string? zoneId) => DateOnly.FromDateTime(ToLocal(now, zoneId));
}

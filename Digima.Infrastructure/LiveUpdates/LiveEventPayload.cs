using System.Text.Json;
using Digima.Core.LiveUpdates;

namespace Digima.Infrastructure.LiveUpdates;

/// <summary>The JSON that travels in a PostgreSQL notification: the event's type and ids.</summary>
internal static class LiveEventPayload
{
    public const string Channel = "digima_live";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(LiveEvent liveEvent) => JsonSerializer.Serialize(liveEvent, Json);

    /// <summary>Null for a payload this version does not know (a newer node during a rolling update).</summary>
    public static LiveEvent? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<LiveEvent>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}

namespace Digima.Infrastructure.LiveUpdates;

/// <summary><c>Digima:LiveUpdates</c>: how the bus listener reconnects after its connection drops.</summary>
public sealed class LiveUpdatesOptions
{
    public const string Section = "Digima:LiveUpdates";

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsValid() => ReconnectMinDelay > TimeSpan.Zero && ReconnectMaxDelay >= ReconnectMinDelay;
}

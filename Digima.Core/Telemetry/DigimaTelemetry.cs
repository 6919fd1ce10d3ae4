using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Digima.Core.Telemetry;

/// <summary>The app's own spans and counters, named "Digima" (docs/operations.md lists them).
/// BCL types only: whether anything listens (OpenTelemetry, exported over OTLP or scraped) is the
/// host's business, and with no listener a span is never created and a counter costs a branch.
/// Static like the runtime's and MailKit's own: one source and one meter per process; the gauges
/// that read the database belong to a host and are registered by Infrastructure on a meter of
/// the same name (<see cref="MeterName"/>).</summary>
public static class DigimaTelemetry
{
    public const string SourceName = "Digima";
    public const string MeterName = "Digima";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Queued = Meter.CreateCounter<long>(
        "digima.mail.queued", "{mail}", "Mail that entered the outbox, by kind (now, scheduled).");

    private static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "digima.mail.sent", "{mail}", "Mail the rep's SMTP server took and that was marked sent.");

    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "digima.mail.failed", "{mail}", "Mail marked failed (a permanent refusal or the last retry).");

    private static readonly Counter<long> Held = Meter.CreateCounter<long>(
        "digima.mail.held", "{mail}", "Scheduled mail held at its time because it could not go out as written.");

    private static readonly Histogram<double> Lateness = Meter.CreateHistogram(
        "digima.mail.scheduled.lateness", "s", "How late a scheduled mail was handed to the SMTP server.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600] });

    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "digima.live_events.reconnects", "{reconnect}", "Times this node's LISTEN connection of the live-event bus came back after a drop.");

    private static readonly UpDownCounter<long> Circuits = Meter.CreateUpDownCounter<long>(
        "digima.circuits.open", "{circuit}", "Blazor circuits (open browser tabs) on this node.");

    public static void MailQueued(string kind) => Queued.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void MailSent(int count) => Sent.Add(count);

    public static void MailFailed() => Failed.Add(1);

    public static void MailHeld() => Held.Add(1);

    public static void ScheduledLateness(TimeSpan late) => Lateness.Record(Math.Max(0, late.TotalSeconds));

    public static void LiveEventsReconnected() => Reconnects.Add(1);

    public static void CircuitOpened() => Circuits.Add(1);

    public static void CircuitClosed() => Circuits.Add(-1);

    /// <summary>Starts a span that continues the trace stored with a queued mail (its W3C
    /// traceparent), so the send that a worker claims later joins the trace of 「今すぐ送信」.
    /// No stored trace (written before tracing, or tracing off then): a span of its own.</summary>
    public static Activity? StartContinuing(string name, string? traceParent)
    {
        if (traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
        {
            return Source.StartActivity(name, ActivityKind.Internal, parent);
        }

        return Source.StartActivity(name);
    }

    /// <summary>Starts a span linked to (not under) the trace a mail was written in: a scheduled
    /// send runs hours later, as its own trace, and the link leads back to where it was written.</summary>
    public static Activity? StartLinked(string name, string? traceParent)
    {
        if (traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var written))
        {
            return Source.StartActivity(name, ActivityKind.Internal, parentContext: default, links: [new ActivityLink(written)]);
        }

        return Source.StartActivity(name);
    }
}

namespace Digima.Core.Sending;

/// <summary>When a mail the server did not take is tried again: the one rule for 「今すぐ送信」 and
/// 「予約送信」. A transient failure (4xx, connection refused or lost before acceptance) waits the
/// next of the configured waits; a permanent one, or one after the last wait, fails.</summary>
internal static class TransientRetry
{
    /// <returns>When to try again; null when the mail fails now.</returns>
    public static DateTimeOffset? NextAttempt(TransportResult result, int retriesSoFar, IReadOnlyList<TimeSpan> waits, DateTimeOffset now) =>
        !result.Succeeded && !result.Permanent && retriesSoFar < waits.Count ? now + waits[retriesSoFar] : null;
}

namespace Digima.Infrastructure.MailConnections;

/// <summary>How a <see cref="MailSessionPool{TClient}"/> keeps sessions.</summary>
/// <param name="MaxPerKey">Sessions leased at once per login; further callers wait.</param>
/// <param name="KeepPerKey">Idle sessions kept per login; the one handed back last is kept.</param>
/// <param name="IdleTimeout">An idle session is logged out after this; zero keeps none.</param>
/// <param name="ReuseWithoutCheckWithin">An idle session handed back this recently is handed out
/// without a NOOP; at <paramref name="IdleTimeout"/> or more, never checked (the caller recovers
/// from a closed session itself).</param>
internal sealed record MailSessionPoolSettings(int MaxPerKey, int KeepPerKey, TimeSpan IdleTimeout, TimeSpan ReuseWithoutCheckWithin)
{
    public bool Keeps => IdleTimeout > TimeSpan.Zero && KeepPerKey > 0;

    /// <summary>The sending pools: as many kept as leased.</summary>
    public static MailSessionPoolSettings From(MailConnectionOptions options) =>
        new(options.MaxPerMailbox, options.MaxPerMailbox, options.IdleTimeout, options.ReuseWithoutCheckWithin);
}

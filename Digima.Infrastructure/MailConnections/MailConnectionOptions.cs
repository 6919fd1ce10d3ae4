namespace Digima.Infrastructure.MailConnections;

/// <summary><c>Digima:MailConnections</c>: authenticated SMTP and IMAP connections to the reps' own
/// servers kept open between sends (see <see cref="MailSessionPool{TClient}"/>).</summary>
public sealed class MailConnectionOptions
{
    public const string Section = "Digima:MailConnections";

    /// <summary>Connections one node holds to one mailbox at once, per protocol. Providers limit
    /// concurrent sessions per account (Microsoft 365 allows 3 for SMTP), so keep it small.</summary>
    public int MaxPerMailbox { get; set; } = 3;

    /// <summary>An unused connection is closed after this, well before servers time it out
    /// (Postfix waits 300 s, Microsoft 365 and Gmail a few minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A connection handed back this recently is handed out again without a NOOP: it just
    /// worked, and a burst would otherwise pay a round trip per mail (connection pools commonly
    /// skip the check within half a second). A server that dropped it in between fails that send as
    /// a lost connection would at any moment; a 421 to MAIL FROM still reconnects.</summary>
    public TimeSpan ReuseWithoutCheckWithin { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool IsValid() => MaxPerMailbox is >= 1 and <= 20 && IdleTimeout >= TimeSpan.FromSeconds(1)
        && ReuseWithoutCheckWithin >= TimeSpan.Zero && ReuseWithoutCheckWithin < IdleTimeout;
}

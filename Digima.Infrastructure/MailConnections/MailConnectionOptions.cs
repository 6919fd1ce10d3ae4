using System.ComponentModel.DataAnnotations;
using Digima.Core.Common;

namespace Digima.Infrastructure.MailConnections;

/// <summary><c>Digima:MailConnections</c>: authenticated SMTP and IMAP connections to the reps' own
/// servers kept open between sends (see <see cref="MailSessionPool{TClient}"/>).</summary>
public sealed class MailConnectionOptions : IValidatableObject
{
    public const string Section = "Digima:MailConnections";

    /// <summary>Connections one node holds to one mailbox at once, per protocol. Providers limit
    /// concurrent sessions per account (Microsoft 365 allows 3 for SMTP), so keep it small.</summary>
    [Range(1, 20, ErrorMessage = "must be between {1} and {2}.")]
    public int MaxPerMailbox { get; set; } = 3;

    /// <summary>An unused connection is closed after this, well before servers time it out
    /// (Postfix waits 300 s, Microsoft 365 and Gmail a few minutes).</summary>
    [TimeSpanRange("00:00:01")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A connection handed back this recently is handed out again without a NOOP: it just
    /// worked, and a burst would otherwise pay a round trip per mail (connection pools commonly
    /// skip the check within half a second). A server that dropped it in between fails that send as
    /// a lost connection would at any moment; a 421 to MAIL FROM still reconnects.</summary>
    [TimeSpanRange("00:00:00")]
    public TimeSpan ReuseWithoutCheckWithin { get; set; } = TimeSpan.FromMilliseconds(500);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReuseWithoutCheckWithin >= IdleTimeout)
        {
            yield return new ValidationResult($"must be less than IdleTimeout ({IdleTimeout:c}).", [nameof(ReuseWithoutCheckWithin)]);
        }
    }
}

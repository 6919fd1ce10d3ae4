using Digima.Core.Common;

namespace Digima.Core.MailImport.Backfill;

/// <summary>How far the backfills have come: a customer's (on the profile, for every signed-in
/// user, as the timeline is; counts only) and a mailbox's whole-mailbox one (its sync card).</summary>
public sealed class GetMailBackfillQuery(IMailBackfillRepository backfills)
{
    public Task<CustomerBackfillProgress?> GetCustomerAsync(long customerId, CancellationToken cancellationToken) =>
        backfills.GetCustomerProgressAsync(customerId, cancellationToken);

    /// <exception cref="ForbiddenException">A rep asked for another rep's mailbox.</exception>
    public Task<MailboxBackfillStatus?> GetMailboxAsync(CurrentUser actor, long mailboxUserId, CancellationToken cancellationToken)
    {
        MailAccess.EnsureCanRead(actor, mailboxUserId);
        return backfills.GetMailboxStatusAsync(mailboxUserId, cancellationToken);
    }
}

using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;

namespace Digima.Core.Scheduling;

/// <summary>A send lane: a mailbox's scheduled mail that is due, sent in batches over the session
/// the mailbox keeps, instead of each waiting for its own trigger (the cluster's scheduler hands
/// triggers out one database round at a time, so a burst queued behind it). Only without a rate
/// limit: with one, each mail keeps the slot its trigger was given.
/// A batch: each mail re-checked (mailbox, merge fields; else held) as a trigger would; all claimed
/// in one statement, which claims a row only if it is still scheduled, due and unedited since it
/// was read, so two lanes, two nodes or the mail's own trigger never send it twice; then delivered
/// as one batch (<see cref="MailDelivery"/>); failures and mail left untried go to
/// <see cref="ScheduledMailOutcomes"/>.</summary>
public sealed class SendMailboxDueMailCommand(
    IScheduledMailRepository scheduled,
    ScheduledMailCheck check,
    MailDelivery delivery,
    ScheduledMailOutcomes outcomes,
    ScheduledSendOptions options,
    TimeProvider time)
{
    /// <summary>Mail one lane sends before it hands over (the next firing starts a new lane).</summary>
    internal const int MaxPerLane = 1000;

    /// <summary>Due mail a lane reads, claims and copies to Sent at once.</summary>
    internal const int Batch = 16;

    /// <param name="stopping">Ends the lane between two mails; a mail being sent is finished.</param>
    /// <returns>How many mails the lane ran.</returns>
    public async Task<int> SendAsync(long userId, CancellationToken stopping)
    {
        if (options.Spacing is not null)
        {
            return 0;
        }

        var ran = 0;
        while (ran < MaxPerLane && !stopping.IsCancellationRequested)
        {
            var due = await scheduled.ListDueForUserAsync(userId, time.GetUtcNow() + SendScheduledMailCommand.Tolerance, Batch, stopping);
            if (due.Count == 0 || !await RunBatchAsync(due, stopping))
            {
                break;
            }

            ran += due.Count;
        }

        return ran;
    }

    /// <returns>False when the lane should stop (a failing server is left to each mail's own
    /// trigger and retry plan, or the node is stopping).</returns>
    private async Task<bool> RunBatchAsync(IReadOnlyList<OutgoingMail> due, CancellationToken stopping)
    {
        MailboxConnection? mailbox;
        List<ScheduledClaim> ready;
        try
        {
            (mailbox, ready) = await CheckAsync(due, stopping);
        }
        catch (MailboxTokenUnavailableException e)
        {
            // Each mail then waits its own retry time, as after a failing server.
            await outcomes.TokenUnavailableAsync(due, e, CancellationToken.None);
            return false;
        }

        if (mailbox is null || ready.Count == 0)
        {
            return true;
        }

        // Not the stopping token from here: claimed mail is sent or released, never left half done.
        var claimed = await scheduled.ClaimDueAsync(ready, time.GetUtcNow(), CancellationToken.None);
        var delivered = await delivery.DeliverAsync(mailbox, claimed, stopping);
        foreach (var failed in delivered.Failed)
        {
            await outcomes.RetryOrFailAsync(failed, CancellationToken.None);
        }

        // After a failing server, a minute for it; at a stop, due now for the other nodes.
        var dueAgain = delivered.ServerFailing ? time.GetUtcNow() + options.RetryBackoff[0] : (DateTimeOffset?)null;
        await outcomes.ReleaseAsync(delivered.NotTried, dueAgain, CancellationToken.None);
        return !delivered.ServerFailing && delivered.NotTried.Count == 0;
    }

    /// <summary>Each mail checked again at its time; the batch reads its mailbox and its primary
    /// recipients once (it runs within a second). Mail failing the check is held.</summary>
    private async Task<(MailboxConnection? Mailbox, List<ScheduledClaim> Ready)> CheckAsync(IReadOnlyList<OutgoingMail> due, CancellationToken stopping)
    {
        var order = due.ToArray();
        // A lane of the same mailbox on another node reads the same rows: in another order, the
        // two rarely wait on the same row.
        Random.Shared.Shuffle(order);
        var customers = await check.ReadCustomersAsync(order.Select(m => m.PrimaryCustomerId).Distinct().ToList(), stopping);
        MailboxConnection? mailbox = null;
        var ready = new List<ScheduledClaim>();
        foreach (var mail in order)
        {
            var rendered = await check.CheckAsync(
                mail.UserId, mail.PrimaryCustomerId, mail.SubjectTemplate, mail.BodyTemplate, stopping, mailbox, customers.GetValueOrDefault(mail.PrimaryCustomerId));
            if (!rendered.Succeeded)
            {
                await outcomes.HoldAsync(mail, rendered.Errors, stopping);
                continue;
            }

            mailbox = rendered.Value!.Mailbox;
            ready.Add(new ScheduledClaim(mail, rendered.Value.Subject, rendered.Value.Body));
        }

        return (mailbox, ready);
    }
}

using Digima.Core.Mailboxes;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Sending;

/// <summary>Sees that each mail the SMTP server took has exactly one copy in the rep's Sent folder,
/// whoever files it. Some providers (Gmail) file every mail sent through them themselves; a copy
/// from the app would be a second one. Until that is known for the mailbox
/// (<see cref="SentCopyFiling.Unknown"/>), the first mail of a batch is looked for in Sent for a
/// few seconds: found, the server files them; not found, the app appends them as always. The answer
/// is remembered, so afterwards a mail costs nothing extra either way.</summary>
public sealed class SentCopyKeeper(IOutgoingMailTransport transport, IMailboxRepository mailboxes, ILogger<SentCopyKeeper> logger)
{
    /// <param name="filing">Who files the copies as known so far in this batch (it may have been
    /// learnt since <paramref name="mailbox"/> was read).</param>
    /// <param name="copyMayExist">Accepted in an earlier attempt (crash recovery): the copies may
    /// be there already, from the app or the server.</param>
    /// <returns>Whether the mails have their copies, and who files them as known now.</returns>
    public async Task<(bool Saved, SentCopyFiling Filing)> KeepAsync(
        MailboxConnection mailbox, SentCopyFiling filing, IReadOnlyList<OutgoingMail> accepted, bool copyMayExist)
    {
        if (filing == SentCopyFiling.ByServer)
        {
            // The server filed each one as it took it.
            return (true, filing);
        }

        // After a crash a copy in Sent may be the app's own from before: it tells nothing about the
        // server, so recovery only looks before it appends.
        if (filing == SentCopyFiling.ByApp || copyMayExist)
        {
            return (await SaveAsync(mailbox, accepted, copyMayExist), filing);
        }

        var found = await transport.FindServerCopyAsync(mailbox, accepted[0].MessageId, CancellationToken.None);
        if (found == true)
        {
            await RememberAsync(mailbox, SentCopyFiling.ByServer);
            return (true, SentCopyFiling.ByServer);
        }

        // null: Sent could not be looked at; the copies are appended (looked for first) and the
        // next send asks again.
        var saved = await SaveAsync(mailbox, accepted, copyMayExist: found is null);
        if (found == false && saved)
        {
            await RememberAsync(mailbox, SentCopyFiling.ByApp);
            return (true, SentCopyFiling.ByApp);
        }

        return (saved, filing);
    }

    private async Task<bool> SaveAsync(MailboxConnection mailbox, IReadOnlyList<OutgoingMail> accepted, bool copyMayExist)
    {
        // The customer has the mail already: a failed copy is logged, never a reason to resend.
        var saved = await transport.SaveToSentAsync(mailbox, accepted, copyMayExist, CancellationToken.None);
        if (!saved.Succeeded)
        {
            logger.LogWarning("{Count} mails were sent but their copies were not saved in Sent: {Error}", accepted.Count, saved.Error);
        }

        return saved.Succeeded;
    }

    private async Task RememberAsync(MailboxConnection mailbox, SentCopyFiling filing)
    {
        // False when another send decided first or the rep saved other servers meanwhile.
        if (await mailboxes.RememberSentCopiesAsync(mailbox, filing, CancellationToken.None))
        {
            logger.LogInformation(
                filing == SentCopyFiling.ByServer
                    ? "The mail server of user {UserId} files sent mail in Sent itself: the app adds no copies from now on"
                    : "The mail server of user {UserId} does not file sent mail in Sent: the app adds the copies",
                mailbox.UserId);
        }
    }
}

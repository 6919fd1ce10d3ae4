using Digima.Core.Mailboxes;

namespace Digima.Core.Sending;

/// <summary>Talks to the rep's own mail servers (R2). Implemented with MailKit.</summary>
public interface IOutgoingMailTransport
{
    /// <summary>Sends the mail through the rep's SMTP server.</summary>
    /// <returns>Failure details when the server refused or could not be reached; never throws
    /// for a server's answer.</returns>
    Task<TransportResult> SendAsync(MailboxConnection mailbox, OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Stores one copy of each mail in the rep's Sent folder, without tracking.</summary>
    /// <param name="mayBeThere">True when an earlier attempt may have stored them (crash recovery,
    /// a broken session): the folder is searched for each Message-ID first and nothing is added for
    /// one that is there. False right after the server accepted them, which saves the searches and
    /// lets the copies go in one command where the server allows it (MULTIAPPEND).</param>
    Task<TransportResult> SaveToSentAsync(MailboxConnection mailbox, IReadOnlyList<OutgoingMail> mails, bool mayBeThere, CancellationToken cancellationToken);

    /// <summary>Whether the Sent folder holds a mail with this Message-ID; null when the server
    /// could not be asked.</summary>
    Task<bool?> ExistsInSentAsync(MailboxConnection mailbox, string messageId, CancellationToken cancellationToken);

    /// <summary>Whether a mail the SMTP server has just taken shows up in the Sent folder without
    /// the app appending it (the server files sent mail itself), looking again until the configured
    /// wait (<c>Digima:Outbox:ServerCopyWait</c>) is over; null when the server could not be asked.</summary>
    Task<bool?> FindServerCopyAsync(MailboxConnection mailbox, string messageId, CancellationToken cancellationToken);
}

/// <summary><see cref="Error"/> is the reason to show the rep, with the server's own reply.</summary>
public sealed record TransportResult(bool Succeeded, string? Error = null, bool Permanent = false)
{
    public static readonly TransportResult Ok = new(true);

    /// <summary>A send the server accepted: the Date header it carried (when it was handed over),
    /// recorded as the acceptance so the copy in Sent and the send time match it.</summary>
    public DateTimeOffset? Date { get; init; }
}

/// <summary>Wakes the outbox worker when a mail was queued, so "send now" does not wait for a poll.</summary>
public interface IOutboxSignal
{
    void MailQueued();
}

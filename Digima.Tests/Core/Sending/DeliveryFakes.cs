using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;

namespace Digima.Tests.Core.Sending;

/// <summary>A mail server scripted per subject: what it answers, and what happens while it sends
/// (the node being told to stop). Records every call in order.</summary>
internal sealed class ScriptedTransport : IOutgoingMailTransport
{
    public Dictionary<string, TransportResult> Answers { get; } = [];

    public Action<OutgoingMail>? WhileSending { get; set; }

    public List<string> Calls { get; } = [];

    /// <summary>What looking for the server's own copy finds (true: the server files sent mail).</summary>
    public bool? ServerCopy { get; set; } = false;

    public Task<TransportResult> SendAsync(MailboxConnection mailbox, OutgoingMail mail, CancellationToken cancellationToken)
    {
        Calls.Add($"send {mail.Subject}");
        WhileSending?.Invoke(mail);
        return Task.FromResult(Answers.GetValueOrDefault(mail.Subject, TransportResult.Ok));
    }

    public Task<TransportResult> SaveToSentAsync(MailboxConnection mailbox, IReadOnlyList<OutgoingMail> mails, bool mayBeThere, CancellationToken cancellationToken)
    {
        Calls.Add($"copy {string.Join(",", mails.Select(m => m.Subject))} mayBeThere={mayBeThere}");
        return Task.FromResult(TransportResult.Ok);
    }

    public Task<bool?> ExistsInSentAsync(MailboxConnection mailbox, string messageId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool?> FindServerCopyAsync(MailboxConnection mailbox, string messageId, CancellationToken cancellationToken)
    {
        Calls.Add($"look for {messageId}");
        return Task.FromResult(ServerCopy);
    }
}

/// <summary>What delivery remembers about a mailbox; the rest is not delivery's to call.</summary>
internal sealed class RecordingMailboxes : IMailboxRepository
{
    public List<SentCopyFiling> Remembered { get; } = [];

    public Task<bool> RememberSentCopiesAsync(MailboxConnection mailbox, SentCopyFiling filing, CancellationToken cancellationToken)
    {
        Remembered.Add(filing);
        return Task.FromResult(true);
    }

    public Task<StoredMailbox?> GetAsync(long userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SaveAsync(StoredMailbox mailbox, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(long userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> SetSentFolderAsync(long userId, MailServerKey testedImap, string sentFolderName, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool> IsAnotherUsersAsync(string address, long userId, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>The outbox calls delivery makes, recorded; the rest is not delivery's to call.</summary>
internal sealed class RecordingOutbox : IOutgoingMailRepository
{
    public List<string> Calls { get; } = [];

    /// <summary>Mail whose claim another node took: renewing it fails.</summary>
    public HashSet<long> TakenOver { get; } = [];

    public Task<IReadOnlySet<long>> RenewClaimsAsync(IReadOnlyCollection<OutgoingMail> claimed, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>>(claimed.Select(m => m.Id).Where(id => !TakenOver.Contains(id)).ToHashSet());

    public Task MarkSmtpAcceptedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Calls.Add($"accepted {id}");
        return Task.CompletedTask;
    }

    /// <summary>Each <see cref="MarkSentAsync"/>'s copySaved, in order.</summary>
    public List<bool> CopySaved { get; } = [];

    public Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset sentAt, bool copySaved, CancellationToken cancellationToken)
    {
        Calls.Add($"sent {string.Join(",", ids)}");
        CopySaved.Add(copySaved);
        return Task.CompletedTask;
    }

    public Task<long> InsertAsync(OutgoingMail mail, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<OutgoingMail?> ClaimNextQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<OutgoingMail>> ClaimStuckSendingAsync(DateTimeOffset claimedBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task MarkFailedAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RetryLaterAsync(long id, DateTimeOffset sendAfter, string error, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RequeueFailedAsync(long id, long userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RequeueStuckAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<OutgoingMail?> GetAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PagedResult<OutgoingMail>> ListForUserAsync(long userId, IndividualMailFilter filter, int offset, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<OutgoingMail>> ListForCustomerAsync(long customerId, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

/// <summary>The status events published, in order.</summary>
internal sealed class RecordingLiveEvents : ILiveEvents
{
    public List<string> Published { get; } = [];

    public Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken)
    {
        if (liveEvent is OutgoingMailStatusChanged changed)
        {
            Published.Add($"{changed.MailId} {changed.Status}");
        }

        return Task.CompletedTask;
    }

    public async Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents, CancellationToken cancellationToken)
    {
        foreach (var liveEvent in liveEvents)
        {
            await PublishAsync(liveEvent, cancellationToken);
        }
    }

    public IDisposable Subscribe<T>(Func<T, Task> handler)
        where T : LiveEvent => throw new NotSupportedException();
}

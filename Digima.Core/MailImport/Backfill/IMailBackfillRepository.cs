namespace Digima.Core.MailImport.Backfill;

/// <summary>The durable queue of backfill requests. A customer's are written by the database
/// itself whenever a customer is created or their address changes (every path: the form, the CSV
/// import, 「この場で入力」), one per connected mailbox. Queue times are the database's clock.</summary>
public interface IMailBackfillRepository
{
    /// <summary>Takes the open requests of one mailbox (queued, or taken by a node whose lease
    /// ran out: it stopped or died) for <paramref name="lease"/>; empty when none is open. Two
    /// nodes never take the same request while its lease holds.</summary>
    Task<IReadOnlyList<MailBackfillRequest>> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the lease of requests still being worked on.</summary>
    Task RenewAsync(IReadOnlyCollection<long> ids, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives the requests back to the queue, to be taken again after <paramref name="delay"/>
    /// (the mailbox was busy syncing).</summary>
    Task PostponeAsync(IReadOnlyCollection<long> ids, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Marks the request done with the number of mails imported, or failed with the
    /// server's reason (<paramref name="error"/>).</summary>
    Task FinishAsync(long id, int imported, string? error, CancellationToken cancellationToken);

    /// <summary>Queues a whole-mailbox backfill since <paramref name="since"/>; returns its id.</summary>
    Task<long> RequestMailboxAsync(long userId, DateTimeOffset since, long requestedBy, CancellationToken cancellationToken);

    /// <summary>The progress of the customer's latest backfill; null when none was asked.</summary>
    Task<CustomerBackfillProgress?> GetCustomerProgressAsync(long customerId, CancellationToken cancellationToken);

    /// <summary>The mailbox's latest whole-mailbox backfill; null when none was asked.</summary>
    Task<MailboxBackfillStatus?> GetMailboxStatusAsync(long userId, CancellationToken cancellationToken);
}

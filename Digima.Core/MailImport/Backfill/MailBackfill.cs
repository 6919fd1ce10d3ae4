namespace Digima.Core.MailImport.Backfill;

/// <summary>A request to import a mailbox's past mail: with one customer (<see cref="Address"/>,
/// made when a customer is created or their address changes), or all of it since a day (a
/// manager's 「過去のメールを取り込む」). Taken by one node at a time until done.</summary>
/// <param name="CustomerId">The customer whose mail is asked for; null for the whole mailbox.</param>
/// <param name="Address">The customer's address (lower-cased); null for the whole mailbox.</param>
/// <param name="Since">From when; null for the import window (<see cref="MailImportOptions.BackfillDays"/> before it runs).</param>
public sealed record MailBackfillRequest(long Id, long UserId, long? CustomerId, string? Address, DateTimeOffset? Since);

/// <summary>What the customer's profile shows of the backfill asked for with their current address.</summary>
/// <param name="Mailboxes">Connected mailboxes searched.</param>
/// <param name="Done">Of those, searched already (imported or failed).</param>
/// <param name="Imported">Mails imported so far.</param>
public sealed record CustomerBackfillProgress(int Mailboxes, int Done, int Imported)
{
    public bool Finished => Done >= Mailboxes;
}

/// <summary>The latest whole-mailbox backfill of a mailbox, for its sync card.</summary>
public sealed record MailboxBackfillStatus(DateTimeOffset Since, DateTimeOffset RequestedAt, bool Finished, int Imported, string? Error);

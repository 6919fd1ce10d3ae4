namespace Digima.Core.MailImport.Backfill;

/// <summary>The folders a mailbox imports from: what a backfill searches.</summary>
public interface IImportedFolderList
{
    Task<IReadOnlyList<MailFolderKind>> ListAsync(long userId, CancellationToken cancellationToken);
}

/// <summary>Today every mailbox imports its Inbox and Sent folder (R18).</summary>
internal sealed class InboxAndSent : IImportedFolderList
{
    private static readonly MailFolderKind[] Kinds = [MailFolderKind.Inbox, MailFolderKind.Sent];

    public Task<IReadOnlyList<MailFolderKind>> ListAsync(long userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MailFolderKind>>(Kinds);
}

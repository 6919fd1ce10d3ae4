using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.Sending;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace Digima.Infrastructure.MailImport;

/// <summary>One logged-in IMAP connection of a sync. Each method is one IMAP command (EXAMINE,
/// UID SEARCH, UID FETCH), so a batch costs two commands whatever its size.</summary>
internal sealed class ImapImportSession(ImapClient client, MailboxConnection mailbox, TransportErrors errors, MimeContentReader reader)
    : IMailImportSession
{
    private IMailFolder? _folder;

    public Task<MailFolderState?> OpenAsync(MailFolderKind kind, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var folder = kind == MailFolderKind.Inbox ? client.Inbox : await SentFolderAsync(cancellationToken);
        if (folder is null)
        {
            return null;
        }

        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        _folder = folder;
        return (MailFolderState?)new MailFolderState(kind, folder.FullName, folder.UidValidity, folder.UidNext?.Id, folder.HighestModSeq, folder.Count);
    }, cancellationToken);

    public Task<IReadOnlyList<uint>> SearchSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        SearchAsync(SearchQuery.DeliveredAfter(since.UtcDateTime.Date), cancellationToken);

    public Task<IReadOnlyList<uint>> SearchAfterAsync(uint lastUid, CancellationToken cancellationToken) =>
        SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(lastUid + 1), UniqueId.MaxValue)), cancellationToken);

    public Task<IReadOnlyList<MailSummary>> FetchSummariesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var fetched = await Folder.FetchAsync(Ids(uids), ImapSummaries.Request, cancellationToken);
        return (IReadOnlyList<MailSummary>)fetched.Select(ImapSummaries.ToSummary).ToList();
    }, cancellationToken);

    public Task<MailBodies> FetchBodiesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var read = new List<MailContent>();
        var unreadable = new List<UnreadableMail>();
        await ((ImapFolder)Folder).GetStreamsAsync(Ids(uids), async (_, _, uid, stream, token) =>
        {
            // Parsed as it streams in: a batch never holds more than one raw message.
            var result = await reader.ReadAsync(uid.Id, stream, token);
            if (result.Content is { } content)
            {
                read.Add(content);
            }
            else
            {
                unreadable.Add(new UnreadableMail(uid.Id, result.Error!));
            }
        }, cancellationToken);
        return new MailBodies(read, unreadable);
    }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception e) when (ImapImportServer.IsServerFault(e, CancellationToken.None))
        {
            // The connection is gone either way; nothing was left half-written on our side.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>The folder MailKit already knows from login's SPECIAL-USE listing when it is the
    /// saved one (no LIST command), else the saved name or common names.</summary>
    private async Task<IMailFolder?> SentFolderAsync(CancellationToken cancellationToken)
    {
        if (client.Capabilities.HasFlag(ImapCapabilities.SpecialUse) && client.GetFolder(SpecialFolder.Sent) is { } special
            && (string.IsNullOrEmpty(mailbox.SentFolderName) || special.FullName == mailbox.SentFolderName))
        {
            return special;
        }

        return await MailKitConnect.SentFolderAsync(client, mailbox.SentFolderName, cancellationToken);
    }

    private IMailFolder Folder => _folder ?? throw new InvalidOperationException("Open a folder first.");

    private Task<IReadOnlyList<uint>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var uids = await Folder.SearchAsync(query, cancellationToken);
        return (IReadOnlyList<uint>)uids.Select(u => u.Id).Order().ToList();
    }, cancellationToken);

    private static List<UniqueId> Ids(IReadOnlyList<uint> uids) => uids.Select(u => new UniqueId(u)).ToList();

    private async Task<T> GuardAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (ImapImportServer.IsServerFault(e, cancellationToken))
        {
            throw new MailImportException(errors.Describe(e, mailbox.Imap).Error ?? e.Message, e);
        }
    }
}

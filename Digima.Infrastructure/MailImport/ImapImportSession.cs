using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailConnections;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;

namespace Digima.Infrastructure.MailImport;

/// <summary>One logged-in IMAP connection of a sync, new or kept from the mailbox's last sync.
/// Each method is one IMAP command (EXAMINE, UID SEARCH, UID FETCH), so a batch costs two
/// commands whatever its size. Used by one sync at a time, never by two threads.</summary>
internal sealed class ImapImportSession(ImapImportServer server, MailboxConnection mailbox, MailSessionLease<ImapClient> lease)
    : IMailImportSession
{
    private bool _reused = lease.Reused;
    private bool _broken;
    private IMailFolder? _folder;

    public async Task<MailFolderState?> OpenAsync(ImportFolder folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        try
        {
            return await GuardAsync(() => OpenFolderAsync(folder, cancellationToken), cancellationToken);
        }
        catch (MailImportException e) when (_reused && ImapImportServer.IsConnectionLost(e.InnerException))
        {
            // The kept connection was closed meanwhile (the server's idle logout, a restart, the
            // network): log in again once. Nothing was read from it, so nothing is lost or doubled.
            _reused = false;
            await server.ReconnectAsync(mailbox, lease, cancellationToken);
            _broken = false;
            return await GuardAsync(() => OpenFolderAsync(folder, cancellationToken), cancellationToken);
        }
    }

    public Task<IReadOnlyList<ServerFolder>> ListFoldersAsync(CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var sent = await SentFolderAsync(cancellationToken);
        var listed = new List<ServerFolder>();
        foreach (var personal in Client.PersonalNamespaces)
        {
            foreach (var folder in await Client.GetFoldersAsync(personal, subscribedOnly: false, cancellationToken))
            {
                // \Noselect (a level of the hierarchy only) and \NonExistent hold no messages to import.
                if ((folder.Attributes & (FolderAttributes.NoSelect | FolderAttributes.NonExistent)) != 0)
                {
                    continue;
                }

                var kind = folder.FullName.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? ImportFolder.Inbox
                    : folder.FullName == sent?.FullName ? ImportFolder.Sent
                    : ImportFolder.Named(folder.FullName);
                listed.Add(new ServerFolder(kind, folder.FullName, SpecialUse(folder.Attributes)));
            }
        }

        _reused = false;
        return (IReadOnlyList<ServerFolder>)listed.OrderBy(f => f.Folder.Kind).ThenBy(f => f.FullName, StringComparer.Ordinal).ToList();
    }, cancellationToken);

    /// <summary>The RFC 6154 special use the server announced, as shown next to the name.</summary>
    private static string? SpecialUse(FolderAttributes attributes) => attributes switch
    {
        _ when attributes.HasFlag(FolderAttributes.Sent) => "Sent",
        _ when attributes.HasFlag(FolderAttributes.Archive) => "Archive",
        _ when attributes.HasFlag(FolderAttributes.All) => "All",
        _ when attributes.HasFlag(FolderAttributes.Flagged) => "Flagged",
        _ when attributes.HasFlag(FolderAttributes.Important) => "Important",
        _ when attributes.HasFlag(FolderAttributes.Drafts) => "Drafts",
        _ when attributes.HasFlag(FolderAttributes.Junk) => "Junk",
        _ when attributes.HasFlag(FolderAttributes.Trash) => "Trash",
        _ => null,
    };

    public Task<IReadOnlyList<uint>> SearchSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        SearchAsync(SearchQuery.DeliveredAfter(since.UtcDateTime.Date), cancellationToken);

    public Task<IReadOnlyList<uint>> SearchExchangedWithAsync(string? address, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = SearchQuery.DeliveredAfter(since.UtcDateTime.Date);
        return SearchAsync(address is null ? query : query.And(
            SearchQuery.FromContains(address).Or(SearchQuery.ToContains(address)).Or(SearchQuery.CcContains(address)).Or(SearchQuery.BccContains(address))),
            cancellationToken);
    }

    public Task<IReadOnlyList<uint>> SearchAfterAsync(uint lastUid, CancellationToken cancellationToken) =>
        SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(lastUid + 1), UniqueId.MaxValue)), cancellationToken);

    public Task<IReadOnlyList<MailSummary>> FetchSummariesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var fetched = await Folder.FetchAsync(Ids(uids), ImapSummaries.Request, cancellationToken);
        return (IReadOnlyList<MailSummary>)fetched.Select(ImapSummaries.ToSummary).ToList();
    }, cancellationToken);

    public Task<MailBodies> FetchBodiesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var parsing = new ParallelBodyParser(server.Reader, cancellationToken);
        try
        {
            await ((ImapFolder)Folder).GetStreamsAsync(Ids(uids), (_, _, uid, stream, token) => parsing.AddAsync(uid.Id, stream, token), cancellationToken);
        }
        finally
        {
            // Parses already started finish (or stop on cancellation) before the fault is reported.
            await parsing.CompleteAsync();
        }

        return parsing.Result;
    }, cancellationToken);

    /// <summary>Kept for the next sync when it ended without a fault; otherwise logged out.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_broken)
        {
            lease.Keep();
        }

        lease.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<MailFolderState?> OpenFolderAsync(ImportFolder chosen, CancellationToken cancellationToken)
    {
        var folder = chosen.Kind switch
        {
            MailFolderKind.Inbox => Client.Inbox,
            MailFolderKind.Sent => await SentFolderAsync(cancellationToken),
            _ => await NamedFolderAsync(chosen.Key, cancellationToken),
        };
        if (folder is null)
        {
            return null;
        }

        // EXAMINE again even when the folder is already the selected one on a kept connection:
        // its answer carries the current UIDNEXT, which decides whether anything arrived.
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        _folder = folder;
        _reused = false;
        return new MailFolderState(chosen.Kind, folder.FullName, folder.UidValidity, folder.UidNext?.Id, folder.HighestModSeq, folder.Count)
        {
            Key = chosen.Key,
        };
    }

    /// <summary>A chosen folder by its full name; null when it was deleted or renamed on the server
    /// since it was chosen (the sync goes on with the other folders).</summary>
    private async Task<IMailFolder?> NamedFolderAsync(string fullName, CancellationToken cancellationToken)
    {
        try
        {
            return await Client.GetFolderAsync(fullName, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The folder MailKit already knows from login's SPECIAL-USE listing when it is the
    /// saved one (no LIST command), else the saved name or common names.</summary>
    private async Task<IMailFolder?> SentFolderAsync(CancellationToken cancellationToken)
    {
        if (Client.Capabilities.HasFlag(ImapCapabilities.SpecialUse) && Client.GetFolder(SpecialFolder.Sent) is { } special
            && (string.IsNullOrEmpty(mailbox.SentFolderName) || special.FullName == mailbox.SentFolderName))
        {
            return special;
        }

        return await MailKitConnect.SentFolderAsync(Client, mailbox.SentFolderName, cancellationToken);
    }

    private ImapClient Client => lease.Client;

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
        catch (Exception e)
        {
            // Whatever broke (or was cancelled) mid-command leaves the connection in an unknown
            // state: it is not kept for the next sync.
            _broken = true;
            if (ImapImportServer.IsServerFault(e, cancellationToken))
            {
                throw server.Fault(e, mailbox);
            }

            throw;
        }
    }
}

namespace Digima.Core.MailImport;

/// <summary>A second connection for a sync with more than one batch to read: it fetches bodies
/// while the first reads the next summaries, so the two run at once on the server. Opened on
/// first use and shared by the sync's folders; none when the server refuses it (the sync then
/// reads everything on the first).</summary>
internal sealed class BodySession(Func<CancellationToken, Task<IMailImportSession>> connect) : IAsyncDisposable
{
    private IMailImportSession? _session;
    private bool _refused;

    /// <summary>The second connection with this folder opened, or null: refused, or the folder's
    /// UIDVALIDITY is not the one the first connection saw (its UIDs would not be the same).</summary>
    public async Task<IMailImportSession?> OpenAsync(MailFolderState folder, CancellationToken cancellationToken)
    {
        if (_refused)
        {
            return null;
        }

        try
        {
            _session ??= await connect(cancellationToken);
            var opened = await _session.OpenAsync(ImportFolder.Of(folder.Kind, folder.Key), cancellationToken);
            return opened is not null && opened.UidValidity == folder.UidValidity && opened.FullName == folder.FullName ? _session : null;
        }
        catch (MailImportException)
        {
            // Too many connections, or this one broke: the first connection does it all.
            _refused = true;
            if (_session is not null)
            {
                await _session.DisposeAsync();
                _session = null;
            }

            return null;
        }
    }

    public ValueTask DisposeAsync() => _session?.DisposeAsync() ?? ValueTask.CompletedTask;
}

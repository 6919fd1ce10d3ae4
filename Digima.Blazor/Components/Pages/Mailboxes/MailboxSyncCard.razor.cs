using Digima.Blazor.Auth;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Mailboxes;

public partial class MailboxSyncCard : IDisposable
{
    private IDisposable? _subscription;
    private MailboxSyncStatus? _status;
    private IReadOnlyList<ImportFolder> _chosen = ImportFolder.Default;
    private FolderResyncReport? _report;
    private (string Folder, string Reason, IReadOnlyList<SkippedMail> Mails)? _skipped;
    private bool _syncing;

    [Inject] private GetMailboxSyncStatusQuery Status { get; set; } = default!;
    [Inject] private MailImportFolders Folders { get; set; } = default!;
    [Inject] private SyncMailboxCommand Sync { get; set; } = default!;
    [Inject] private ResyncFolderCommand Resync { get; set; } = default!;
    [Inject] private ListSkippedMailQuery Skipped { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    /// <summary>The chosen folders that have been read at least once, in the choice's order.</summary>
    private IEnumerable<MailImportCursor> Shown =>
        _chosen.Select(c => _status!.Folders.FirstOrDefault(f => f.Folder == c)).OfType<MailImportCursor>();

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUser.GetAsync();
        // A sync by the schedule or IDLE (or another node) updates the totals without a reload.
        _subscription = Live.Subscribe<MailboxSynced>(e => e.UserId == user.Id ? InvokeAsync(LoadAsync) : Task.CompletedTask);
        await LoadAsync();
    }

    public void Dispose() => _subscription?.Dispose();

    /// <summary>Reads the status again (after a sync, or when the folder choice changed).</summary>
    public async Task LoadAsync()
    {
        var user = await CurrentUser.GetAsync();
        _status = await Status.GetAsync(user, user.Id, CancellationToken.None);
        _chosen = await Folders.ChosenAsync(user.Id, CancellationToken.None);
        StateHasChanged();
    }

    private async Task SyncNowAsync()
    {
        _syncing = true;
        try
        {
            var result = await Sync.SyncAsync((await CurrentUser.GetAsync()).Id, CancellationToken.None);
            Snackbar.Add(result.Error ?? T["Mailbox_Synced", result.Imported], result.Error is null ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _syncing = false;
        }
    }

    private async Task ResyncAsync(MailImportCursor folder)
    {
        _syncing = true;
        _report = null;
        try
        {
            var user = await CurrentUser.GetAsync();
            _report = await Resync.ResyncAsync(user, user.Id, folder.Folder, CancellationToken.None);
            _skipped = null;
            await LoadAsync();
        }
        finally
        {
            _syncing = false;
        }
    }

    private async Task OpenSkippedAsync(MailImportCursor folder, string reason)
    {
        var user = await CurrentUser.GetAsync();
        _skipped = (folder.FolderName, reason, await Skipped.ListAsync(user, user.Id, folder.Folder, reason, CancellationToken.None));
    }
}

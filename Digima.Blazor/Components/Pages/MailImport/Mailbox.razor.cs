using Digima.Blazor.Auth;
using Digima.Core.Accounts;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.MailImport;

/// <summary>「メールボックス」 (R18-R20, R23): mail imported from the rep's own mailbox, split into
/// 「受信済み」 and 「送信」. A manager can pick any rep's mailbox (R29).</summary>
public partial class Mailbox : IDisposable
{
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ListActiveUsersQuery Users { get; set; } = default!;
    [Inject] private GetMailboxSyncStatusQuery Status { get; set; } = default!;
    [Inject] private SyncMailboxCommand Sync { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    private IDisposable[] _subscriptions = [];
    private IReadOnlyList<User> _users = [];
    private MailboxSyncStatus? _status;
    private long _me;
    private long _ownerId;
    private bool _isManager;
    private bool _syncing;

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUser.GetAsync();
        _me = _ownerId = user.Id;
        _isManager = user.IsManager;
        if (_isManager)
        {
            _users = await Users.ListAsync(user, CancellationToken.None);
        }

        // 「最終同期」 follows every sync of the mailbox shown, whichever node or trigger ran it.
        _subscriptions =
        [
            Live.Subscribe<MailboxSynced>(e => e.UserId == _ownerId ? InvokeAsync(RefreshStatusAsync) : Task.CompletedTask),
            Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(RefreshStatusAsync)),
        ];
        await LoadStatusAsync();
    }

    private async Task RefreshStatusAsync()
    {
        try
        {
            await LoadStatusAsync();
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between two checks.
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private async Task OwnerChangedAsync(long ownerId)
    {
        _ownerId = ownerId;
        await LoadStatusAsync();
    }

    private async Task LoadStatusAsync() =>
        _status = await Status.GetAsync(await CurrentUser.GetAsync(), _ownerId, CancellationToken.None);

    private async Task SyncNowAsync()
    {
        _syncing = true;
        try
        {
            var result = await Sync.SyncAsync(_me, CancellationToken.None);
            Snackbar.Add(result.Error ?? T["Mailbox_Synced", result.Imported], result.Error is null ? Severity.Success : Severity.Error);
            await LoadStatusAsync();
        }
        finally
        {
            _syncing = false;
        }
    }

    private string OwnerName(long id) => _users.FirstOrDefault(u => u.Id == id)?.DisplayName ?? "";
}

using Digima.Blazor.Auth;
using Digima.Core.Accounts;
using Digima.Core.Common;
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

    /// <summary>From the dashboard: a manager's rep, the tab (sent) and the days (yyyy-MM-dd in
    /// the viewer's zone) of the mail behind a number. A rep's own page ignores another rep's id.</summary>
    [SupplyParameterFromQuery(Name = "user")]
    private long? UserParameter { get; set; }

    [SupplyParameterFromQuery(Name = "tab")]
    private string? TabParameter { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    private string? FromParameter { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    private string? ToParameter { get; set; }

    private int _tab;
    private (DateOnly From, DateOnly To)? _days;
    private MailPeriod? _period;
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
            _ownerId = UserParameter is { } owner && _users.Any(u => u.Id == owner) ? owner : _me;
        }

        _tab = TabParameter == "sent" ? 1 : 0;
        if (DateOnly.TryParseExact(FromParameter, "yyyy-MM-dd", out var from) && DateOnly.TryParseExact(ToParameter, "yyyy-MM-dd", out var to) && from <= to)
        {
            _days = (from, to);
            _period = new MailPeriod(TimeZones.StartOfDay(from, user.TimeZoneId), TimeZones.StartOfDay(to.AddDays(1), user.TimeZoneId));
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

    private void ClearPeriod()
    {
        _days = null;
        _period = null;
    }

    private string OwnerName(long id) => _users.FirstOrDefault(u => u.Id == id)?.DisplayName ?? "";
}

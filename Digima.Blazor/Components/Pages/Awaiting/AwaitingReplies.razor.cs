using Digima.Blazor.Auth;
using Digima.Blazor.Components.Pages.Timeline;
using Digima.Core.Accounts;
using Digima.Core.Awaiting;
using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Awaiting;

/// <summary>「返信待ち」 (B8): customers whose newest mail has no answer from us, oldest first. A
/// rep sees their own mailbox's; a manager everyone's or one rep's. A row opens the thread with
/// 「返信」 at hand. Reloads when mail is imported or sent, so an answered customer leaves.</summary>
public partial class AwaitingReplies : IDisposable
{
    private const long Everyone = 0;

    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ListActiveUsersQuery Users { get; set; } = default!;
    [Inject] private ListAwaitingReplyQuery List { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    /// <summary>From the dashboard's 返信待ちの経過: a manager's rep and the ages of one bar.</summary>
    [SupplyParameterFromQuery(Name = "rep")]
    private long? RepParameter { get; set; }

    [SupplyParameterFromQuery(Name = "minAge")]
    private int? MinAgeParameter { get; set; }

    [SupplyParameterFromQuery(Name = "maxAge")]
    private int? MaxAgeParameter { get; set; }

    private AwaitingAgeRange? _ages;
    private readonly List<AwaitingReply> _rows = [];
    private IDisposable[] _subscriptions = [];
    private IReadOnlyList<User> _users = [];
    private AwaitingReplyCursor? _next;
    private CurrentUser? _actor;
    private long _repFilter = Everyone;
    private bool _isManager;
    private bool _loaded;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentUser.GetAsync();
        _isManager = _actor.IsManager;
        if (_isManager)
        {
            _users = await Users.ListAsync(_actor, CancellationToken.None);
            _repFilter = RepParameter is { } rep && _users.Any(u => u.Id == rep) ? rep : Everyone;
        }

        _ages = MinAgeParameter is { } min and >= 0 && (MaxAgeParameter is null || MaxAgeParameter >= min) ? new AwaitingAgeRange(min, MaxAgeParameter) : null;

        _subscriptions =
        [
            Live.Subscribe<MailImported>(_ => InvokeAsync(ReloadAsync)),
            Live.Subscribe<OutgoingMailStatusChanged>(_ => InvokeAsync(ReloadAsync)),
            Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(ReloadAsync)),
        ];
        await LoadFirstAsync();
    }

    private async Task LoadFirstAsync()
    {
        var page = await List.ListAsync(_actor!, RepFilter, _ages, null, CancellationToken.None);
        _rows.Clear();
        _rows.AddRange(page.Rows);
        _next = page.Next;
        _loaded = true;
    }

    private async Task LoadMoreAsync()
    {
        var page = await List.ListAsync(_actor!, RepFilter, _ages, _next, CancellationToken.None);
        _rows.AddRange(page.Rows.Where(r => _rows.All(x => x.Record.CustomerId != r.Record.CustomerId)));
        _next = page.Next;
    }

    private long? RepFilter => _repFilter == Everyone ? null : _repFilter;

    private async Task RepChangedAsync(long rep)
    {
        _repFilter = rep;
        await LoadFirstAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            await LoadFirstAsync();
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between the event and the reload.
        }
    }

    private async Task ClearAgesAsync()
    {
        _ages = null;
        await LoadFirstAsync();
    }

    private string RepName(long id) =>
        id == Everyone ? T["Awaiting_Everyone"] : _users.FirstOrDefault(u => u.Id == id)?.DisplayName ?? "";

    private async Task OpenAsync(AwaitingReply row)
    {
        if (row.Record.TimelineItemId is not { } itemId || row.IsHidden)
        {
            return;
        }

        // 「返信」 goes out from the viewer's own mailbox: their own mail, or anyone's for a manager.
        var canReply = _actor!.IsManager || row.Record.RepUserId == _actor.Id;
        var parameters = new DialogParameters<ThreadDialog>
        {
            { d => d.CustomerId, row.Record.CustomerId },
            { d => d.ItemId, itemId },
            { d => d.ReplyTo, canReply ? row.Record.ImportedMailId : null },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
        await Dialogs.ShowAsync<ThreadDialog>(T["Timeline_ThreadTitle"], parameters, options);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}

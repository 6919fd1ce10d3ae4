using Digima.Blazor.Auth;
using Digima.Core.Awaiting;
using Digima.Core.Common;
using Digima.Core.Sending;
using Digima.Core.Timeline;
using Digima.Core.Tracking;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Timeline;

public partial class CustomerTimeline
{
    private const int PageSize = 30;

    [Inject] private ListTimelineQuery ListTimeline { get; set; } = default!;
    [Inject] private ListNewTimelineItemsQuery ListNew { get; set; } = default!;
    [Inject] private GetTimelineTrackingQuery Tracking { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private GetAwaitingRepliesQuery Awaiting { get; set; } = default!;

    [Parameter, EditorRequired] public long CustomerId { get; set; }

    // Rows loaded so far, newest first; the keyset cursor is the last one.
    private readonly List<TimelineItem> _items = [];
    private readonly HashSet<long> _ids = [];
    private readonly Dictionary<(long MailId, TrackingKind Kind), TrackingSummary> _tracking = [];
    private Virtualize<TimelineItem>? _list;
    private CurrentUser? _actor;
    private AwaitingReply? _waiting;
    private bool _hasMore = true;
    private bool _loaded;
    private long _newestId;
    private long _loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == CustomerId && _loaded)
        {
            return;
        }

        _loadedFor = CustomerId;
        _actor = await CurrentUser.GetAsync();
        _items.Clear();
        _ids.Clear();
        _tracking.Clear();
        _hasMore = true;
        await LoadMoreAsync();
        await LoadWaitingAsync();
        _loaded = true;
    }

    private async ValueTask<ItemsProviderResult<TimelineItem>> ProvideAsync(ItemsProviderRequest request)
    {
        // Not cancelled with the request: a page costs a millisecond or two, and a query cancelled
        // mid-flight surfaces as a database error rather than the request's own cancellation.
        while (_hasMore && _items.Count < request.StartIndex + request.Count)
        {
            await LoadMoreAsync();
        }

        var rows = _items.Skip(request.StartIndex).Take(request.Count).ToList();
        // One page more than loaded while older rows exist: scrolling there loads the next page.
        return new ItemsProviderResult<TimelineItem>(rows, _items.Count + (_hasMore ? PageSize : 0));
    }

    private async Task LoadMoreAsync()
    {
        var after = _items.Count > 0 ? TimelinePageKey.After(_items[^1]) : null;
        var page = await ListTimeline.ListAsync(_actor!, CustomerId, after, PageSize, CancellationToken.None);
        foreach (var item in page.Items.Where(i => _ids.Add(i.Id)))
        {
            _items.Add(item);
        }

        _newestId = Math.Max(_newestId, page.Items.Select(i => i.Id).DefaultIfEmpty().Max());
        _hasMore = page.HasMore;
        await LoadTrackingAsync(page.Items);
    }

    /// <summary>開封 and クリック of the app's mails among <paramref name="rows"/>.</summary>
    private async Task LoadTrackingAsync(IEnumerable<TimelineItem> rows)
    {
        var mailIds = rows.Where(i => i.OutgoingMailId is not null).Select(i => i.OutgoingMailId!.Value).ToHashSet();
        foreach (var summary in await Tracking.GetAsync(_actor!, CustomerId, mailIds, CancellationToken.None))
        {
            _tracking[(summary.MailId, summary.Kind)] = summary;
        }
    }

    /// <summary>The customer's mail still waiting for our reply (返信待ち), marked on its row;
    /// returns whether that changed.</summary>
    private async Task<bool> LoadWaitingAsync()
    {
        var before = _waiting;
        _waiting = (await Awaiting.GetAsync(_actor!, [CustomerId], CancellationToken.None)).GetValueOrDefault(CustomerId);
        return before?.Record.TimelineItemId != _waiting?.Record.TimelineItemId || before?.AgeBusinessDays != _waiting?.AgeBusinessDays;
    }

    private AwaitingReply? WaitingFor(TimelineItem item) => _waiting?.Record.TimelineItemId == item.Id ? _waiting : null;

    private TrackingSummary? Summary(TimelineItem item, TrackingKind kind) =>
        item.OutgoingMailId is { } id ? _tracking.GetValueOrDefault((id, kind)) : null;

    /// <summary>Merges rows added since the last look (a mail imported or sent on any node, an
    /// event) into the open timeline. The profile's periodic check calls it now; a live event
    /// can call it as well. Returns whether anything changed.</summary>
    public async Task<bool> LoadNewerAsync()
    {
        if (!_loaded || _actor is null)
        {
            return false;
        }

        var waitingChanged = await LoadWaitingAsync();
        var statusChanged = await RefreshPendingAsync() || waitingChanged;
        var added = await ListNew.ListAsync(_actor, CustomerId, _newestId, CancellationToken.None);
        if (added.Count == 0)
        {
            return statusChanged && await RedrawAsync();
        }

        _newestId = Math.Max(_newestId, added.Max(i => i.Id));
        var cursor = _items.Count > 0 ? _items[^1] : null;
        // Rows older than the last loaded one arrive with the next page anyway.
        var fresh = added.Where(i => !_ids.Contains(i.Id) && (!_hasMore || cursor is null || IsNewer(i, cursor))).ToList();
        if (fresh.Count == 0)
        {
            return statusChanged && await RedrawAsync();
        }

        foreach (var item in fresh)
        {
            _ids.Add(item.Id);
            _items.Add(item);
        }

        _items.Sort((a, b) => IsNewer(a, b) ? -1 : IsNewer(b, a) ? 1 : 0);
        // A click changes the counts on a mail row already shown.
        await LoadTrackingAsync(fresh.Any(i => i.EventKind is CustomerEventKind.Opened or CustomerEventKind.Clicked) ? _items : fresh);
        return await RedrawAsync();
    }

    /// <summary>An open or click of <paramref name="mailId"/> was recorded: its row's counts are read
    /// again (opens add no timeline row of their own), then any new row (a first click) merged.</summary>
    public async Task TrackingChangedAsync(long mailId)
    {
        if (!_loaded || _actor is null)
        {
            return;
        }

        if (_items.Any(i => i.OutgoingMailId == mailId))
        {
            await LoadTrackingAsync(_items.Where(i => i.OutgoingMailId == mailId));
            await RedrawAsync();
        }

        await LoadNewerAsync();
    }

    /// <summary>Mail not yet sent when loaded changes status and place in time (a sent mail sits at
    /// its send time, an edited scheduled one at its new time): while any is loaded, the first
    /// page is read again and its rows replace theirs (pending mail is new or due soon), then the
    /// list is sorted again.</summary>
    private async Task<bool> RefreshPendingAsync()
    {
        if (!_items.Any(i => i.Status is MailStatus.Queued or MailStatus.Sending or MailStatus.Scheduled or MailStatus.Held))
        {
            return false;
        }

        var top = await ListTimeline.ListAsync(_actor!, CustomerId, null, PageSize, CancellationToken.None);
        var changed = false;
        foreach (var row in top.Items)
        {
            var at = _items.FindIndex(i => i.Id == row.Id);
            if (at >= 0 && (_items[at].Status != row.Status || _items[at].OccurredAt != row.OccurredAt))
            {
                _items[at] = row;
                changed = true;
            }
        }

        if (changed)
        {
            _items.Sort((a, b) => IsNewer(a, b) ? -1 : IsNewer(b, a) ? 1 : 0);
        }

        return changed;
    }

    private async Task<bool> RedrawAsync()
    {
        if (_list is not null)
        {
            await _list.RefreshDataAsync();
        }

        StateHasChanged();
        return true;
    }

    private static bool IsNewer(TimelineItem a, TimelineItem b) =>
        a.OccurredAt > b.OccurredAt || (a.OccurredAt == b.OccurredAt && a.Id > b.Id);

    private async Task ShowThreadAsync(TimelineItem item)
    {
        var parameters = new DialogParameters<ThreadDialog> { { d => d.CustomerId, CustomerId }, { d => d.ItemId, item.Id } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
        await Dialogs.ShowAsync<ThreadDialog>(T["Timeline_ThreadTitle"], parameters, options);
    }
}

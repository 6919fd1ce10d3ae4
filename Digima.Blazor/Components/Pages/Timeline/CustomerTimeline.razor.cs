using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Timeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Timeline;

public partial class CustomerTimeline
{
    private const int PageSize = 30;

    [Inject] private ListTimelineQuery ListTimeline { get; set; } = default!;
    [Inject] private ListNewTimelineItemsQuery ListNew { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public long CustomerId { get; set; }

    // Rows loaded so far, newest first; the keyset cursor is the last one.
    private readonly List<TimelineItem> _items = [];
    private readonly HashSet<long> _ids = [];
    private Virtualize<TimelineItem>? _list;
    private CurrentUser? _actor;
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
        _hasMore = true;
        await LoadMoreAsync();
        _loaded = true;
    }

    private async ValueTask<ItemsProviderResult<TimelineItem>> ProvideAsync(ItemsProviderRequest request)
    {
        while (_hasMore && _items.Count < request.StartIndex + request.Count)
        {
            await LoadMoreAsync(request.CancellationToken);
        }

        var rows = _items.Skip(request.StartIndex).Take(request.Count).ToList();
        // One page more than loaded while older rows exist: scrolling there loads the next page.
        return new ItemsProviderResult<TimelineItem>(rows, _items.Count + (_hasMore ? PageSize : 0));
    }

    private async Task LoadMoreAsync(CancellationToken cancellationToken = default)
    {
        var after = _items.Count > 0 ? TimelinePageKey.After(_items[^1]) : null;
        var page = await ListTimeline.ListAsync(_actor!, CustomerId, after, PageSize, cancellationToken);
        foreach (var item in page.Items.Where(i => _ids.Add(i.Id)))
        {
            _items.Add(item);
        }

        _newestId = Math.Max(_newestId, page.Items.Select(i => i.Id).DefaultIfEmpty().Max());
        _hasMore = page.HasMore;
    }

    /// <summary>Merges rows added since the last look (a mail imported or sent on any node, an
    /// event) into the open timeline. The profile's periodic check calls it now; a live event
    /// can call it as well. Returns whether anything changed.</summary>
    public async Task<bool> LoadNewerAsync()
    {
        if (!_loaded || _actor is null)
        {
            return false;
        }

        var added = await ListNew.ListAsync(_actor, CustomerId, _newestId, CancellationToken.None);
        if (added.Count == 0)
        {
            return false;
        }

        _newestId = Math.Max(_newestId, added.Max(i => i.Id));
        var cursor = _items.Count > 0 ? _items[^1] : null;
        // Rows older than the last loaded one arrive with the next page anyway.
        var fresh = added.Where(i => !_ids.Contains(i.Id) && (!_hasMore || cursor is null || IsNewer(i, cursor))).ToList();
        if (fresh.Count == 0)
        {
            return false;
        }

        foreach (var item in fresh)
        {
            _ids.Add(item.Id);
            _items.Add(item);
        }

        _items.Sort((a, b) => IsNewer(a, b) ? -1 : IsNewer(b, a) ? 1 : 0);
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

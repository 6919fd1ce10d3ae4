using Digima.Blazor.Auth;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Dashboard;
using Digima.Core.LiveUpdates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Dashboard;

/// <summary>「ダッシュボード」: a period (a preset or any range of days in the manager's zone) and
/// optionally one rep, both kept in the address (a reload, a bookmark or 「戻る」 from a list
/// behind a number shows the same view). Sent, opened or imported mail refreshes the numbers, at
/// most every few seconds, so a busy team does not re-run the queries at each event.</summary>
public partial class Dashboard : IDisposable
{
    private const long Everyone = 0;
    private static readonly TimeSpan RefreshAtMost = TimeSpan.FromSeconds(10);

    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ListActiveUsersQuery Users { get; set; } = default!;
    [Inject] private GetDashboardQuery Query { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "preset")]
    private string? PresetParameter { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    private string? FromParameter { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    private string? ToParameter { get; set; }

    [SupplyParameterFromQuery(Name = "rep")]
    private long? RepParameter { get; set; }

    private IDisposable[] _subscriptions = [];
    private IReadOnlyList<User> _users = [];
    private CurrentUser? _actor;
    private DashboardPreset? _preset = DashboardPreset.Last90Days;
    private DateRange _range = new();
    private long _repFilter = Everyone;
    private DashboardReport? _report;
    private DateTimeOffset _loadedAt;
    private int _refreshPending;

    private long? RepFilter => _repFilter == Everyone ? null : _repFilter;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentUser.GetAsync();
        _users = await Users.ListAsync(_actor, CancellationToken.None);
        SetPeriod(PeriodFromAddress());
        _repFilter = RepParameter is { } rep && _users.Any(u => u.Id == rep) ? rep : Everyone;
        _subscriptions =
        [
            Live.Subscribe<OutgoingMailStatusChanged>(_ => RefreshSoonAsync()),
            Live.Subscribe<TrackingRecorded>(_ => RefreshSoonAsync()),
            Live.Subscribe<MailImported>(_ => RefreshSoonAsync()),
            Live.Subscribe<LiveEventsResumed>(_ => RefreshSoonAsync()),
        ];
        await LoadAsync();
    }

    /// <summary>The days in the address (cut to the longest period), else its preset, else the default.</summary>
    private DashboardPeriod PeriodFromAddress()
    {
        if (DateOnly.TryParseExact(FromParameter, "yyyy-MM-dd", out var from) && DateOnly.TryParseExact(ToParameter, "yyyy-MM-dd", out var to) && from <= to)
        {
            _preset = null;
            return Capped(new DashboardPeriod(from, to));
        }

        if (Enum.TryParse<DashboardPreset>(PresetParameter, ignoreCase: true, out var preset) && Enum.IsDefined(preset))
        {
            _preset = preset;
        }

        return DashboardPresets.For(_preset!.Value, DashboardPresets.Today(Time, _actor!.TimeZoneId));
    }

    /// <summary>The view in the address, replacing the history entry (each change is not a page).</summary>
    private void KeepInAddress()
    {
        var period = _preset is { } preset
            ? $"preset={preset.ToString().ToLowerInvariant()}"
            : $"from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}";
        var rep = RepFilter is { } id ? $"&rep={id}" : "";
        Navigation.NavigateTo($"/dashboard?{period}{rep}", new NavigationOptions { ReplaceHistoryEntry = true });
    }

    // A range longer than the queries are sized for keeps its last days.
    private static DashboardPeriod Capped(DashboardPeriod period) =>
        period.Days > DashboardPeriod.MaxDays ? period with { From = period.To.AddDays(1 - DashboardPeriod.MaxDays) } : period;

    private DashboardPeriod Period => new(DateOnly.FromDateTime(_range.Start!.Value), DateOnly.FromDateTime(_range.End!.Value));

    private void SetPeriod(DashboardPeriod period) =>
        _range = new DateRange(period.From.ToDateTime(TimeOnly.MinValue), period.To.ToDateTime(TimeOnly.MinValue));

    private async Task LoadAsync()
    {
        _loadedAt = Time.GetUtcNow();
        _report = await Query.GetAsync(_actor!, Period, RepFilter, CancellationToken.None);
    }

    private async Task PresetChangedAsync(DashboardPreset? preset)
    {
        if (preset is null)
        {
            return;
        }

        _preset = preset;
        SetPeriod(DashboardPresets.For(preset.Value, DashboardPresets.Today(Time, _actor!.TimeZoneId)));
        KeepInAddress();
        await LoadAsync();
    }

    private async Task RangeChangedAsync(DateRange? range)
    {
        // The picker also reports the range a preset set: that is not a range of the manager's own.
        if (range?.Start is not { } start || range.End is not { } end || (start.Date == _range.Start && end.Date == _range.End))
        {
            return;
        }

        _preset = null;
        SetPeriod(Capped(new DashboardPeriod(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end))));
        KeepInAddress();
        await LoadAsync();
    }

    private async Task RepChangedAsync(long rep)
    {
        _repFilter = rep;
        KeepInAddress();
        await LoadAsync();
    }

    private string RepName(long id) =>
        id == Everyone ? T["Dashboard_Everyone"] : _users.FirstOrDefault(u => u.Id == id)?.DisplayName ?? "";

    /// <summary>「個別メール」 of one rep in this period: where the app mail behind a number is.</summary>
    private string ListLink(long repId) =>
        $"/mail/individual?rep={repId}&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}&status=sent";

    /// <summary>The rep's 「メールボックス」 「送信」 in this period: mail from their own client.</summary>
    private string ClientLink(long repId) =>
        $"/mail/mailbox?user={repId}&tab=sent&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}";

    private async Task RefreshSoonAsync()
    {
        if (Interlocked.Exchange(ref _refreshPending, 1) == 1)
        {
            return;
        }

        try
        {
            var wait = _loadedAt + RefreshAtMost - Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, Time);
            }

            Volatile.Write(ref _refreshPending, 0);
            await InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between the event and the reload.
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}

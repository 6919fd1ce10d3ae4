using Digima.Blazor.Auth;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.LiveUpdates;
using Digima.Core.Sending;
using Digima.Core.Tracking;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Sending;

/// <summary>「個別メール」: the rep's own individual mail with its status, 開封 and クリック. The
/// list reloads when the bus says one of the rep's mails changed status or was opened or
/// clicked, on whichever node that happened.</summary>
public partial class IndividualMail
{
    [Inject] private ListIndividualMailQuery List { get; set; } = default!;
    [Inject] private Digima.Core.Scheduling.ListScheduledMailQuery ListScheduled { get; set; } = default!;
    [Inject] private GetTrackingSummaryQuery Tracking { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    /// <summary>「予約」 shows only scheduled and held mail, soonest first; 「下書き」 the rep's drafts.</summary>
    [SupplyParameterFromQuery(Name = "filter")]
    private string? Filter { get; set; }

    /// <summary>From the dashboard: a manager's rep, the days (yyyy-MM-dd in the viewer's zone) and
    /// a status the list is narrowed to. A rep's own list ignores another rep's id.</summary>
    [SupplyParameterFromQuery(Name = "rep")]
    private long? RepParameter { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    private string? FromParameter { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    private string? ToParameter { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    private string? StatusParameter { get; set; }

    /// <summary>opened, clicked or replied: the mail behind one of the dashboard's numbers.</summary>
    [SupplyParameterFromQuery(Name = "outcome")]
    private string? OutcomeParameter { get; set; }

    private string _filter = "all";
    private IndividualMailFilter _narrowed = IndividualMailFilter.None;
    private (DateOnly From, DateOnly To)? _days;
    [Inject] private RetryMailCommand Retry { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ListActiveUsersQuery Users { get; set; } = default!;

    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly List<IDisposable> _subscriptions = [];
    private MudTable<OutgoingMail>? _table;
    private Timer? _refresh;
    private Dictionary<(long MailId, TrackingKind Kind), TrackingSummary> _tracking = [];
    private CurrentUser? _actor;

    /// <summary>Whose mail is listed: the signed-in user's, or the rep a manager chose.</summary>
    private long _repId;
    private IReadOnlyList<User> _reps = [];

    /// <summary>Actions (retry, edit, cancel, drafts) are the author's own.</summary>
    private bool ViewingOwn => _actor is null || _repId == _actor.Id;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentUser.GetAsync();
        _repId = _actor.Id;
        if (_actor.IsManager)
        {
            _reps = await Users.ListAsync(_actor, CancellationToken.None);
            _repId = RepParameter is { } rep && _reps.Any(u => u.Id == rep) ? rep : _actor.Id;
        }

        _narrowed = Narrowed(_actor.TimeZoneId);

        // Subscribed before the first load, so a change during it is not missed; the rep is read
        // at each event, so a manager's change of rep needs no new subscription.
        _subscriptions.Add(Live.Subscribe<OutgoingMailStatusChanged>(e => e.UserId == _repId ? ReloadOnCircuitAsync() : Task.CompletedTask));
        _subscriptions.Add(Live.Subscribe<TrackingRecorded>(e => e.UserId == _repId ? ReloadOnCircuitAsync() : Task.CompletedTask));
        _subscriptions.Add(Live.Subscribe<LiveEventsResumed>(_ => ReloadOnCircuitAsync()));
    }

    private async Task<TableData<OutgoingMail>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.GetAsync();
        var page = _filter == "scheduled"
            ? await ListScheduled.ListForRepAsync(user, _repId, state.Page * state.PageSize, state.PageSize, cancellationToken)
            : await List.ListForRepAsync(user, _repId, _narrowed, state.Page * state.PageSize, state.PageSize, cancellationToken);
        var summaries = await Tracking.GetAsync(user, page.Items.Select(m => m.Id).ToList(), cancellationToken);
        _tracking = summaries.ToDictionary(s => (s.MailId, s.Kind));
        // Status changes arrive on the bus; a scheduled mail whose time is near is also looked at
        // again shortly, as a safety net should its node die between claim and send.
        var soon = Time.GetUtcNow() + TimeSpan.FromMinutes(5);
        var pending = page.Items.Any(m => m.Status == MailStatus.Scheduled && (m.SendAfter ?? m.ScheduledAt) < soon);
        _refresh?.Dispose();
        _refresh = pending ? new Timer(_ => InvokeAsync(ReloadAsync), null, RefreshEvery, Timeout.InfiniteTimeSpan) : null;
        return new TableData<OutgoingMail> { Items = page.Items, TotalItems = page.TotalCount };
    }

    protected override void OnParametersSet() => _filter = Filter is "scheduled" or "drafts" ? Filter : "all";

    private async Task FilterChangedAsync(string? filter)
    {
        // 「下書き」 has a table of its own: coming back from it, the mail table is new and loads itself.
        var wasDrafts = _filter == "drafts";
        _filter = filter ?? "all";
        if (!wasDrafts)
        {
            await ReloadAsync();
        }
    }

    private async Task RepChangedAsync(long repId)
    {
        _repId = repId;
        if (_filter == "drafts" && !ViewingOwn)
        {
            _filter = "all";
            StateHasChanged();
            return;
        }

        await ReloadAsync();
    }

    private IndividualMailFilter Narrowed(string zone)
    {
        _days = DateOnly.TryParseExact(FromParameter, "yyyy-MM-dd", out var from) && DateOnly.TryParseExact(ToParameter, "yyyy-MM-dd", out var to) && from <= to
            ? (from, to)
            : null;
        var status = Enum.TryParse<MailStatus>(StatusParameter, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (MailStatus?)null;
        var outcome = Enum.TryParse<MailOutcome>(OutcomeParameter, ignoreCase: true, out var o) && Enum.IsDefined(o) ? o : (MailOutcome?)null;
        return new IndividualMailFilter(
            _days is { } d ? TimeZones.StartOfDay(d.From, zone) : null,
            _days is { } e ? TimeZones.StartOfDay(e.To.AddDays(1), zone) : null,
            status,
            outcome);
    }

    private bool IsNarrowed => _narrowed != IndividualMailFilter.None;

    private async Task ClearNarrowingAsync()
    {
        _narrowed = IndividualMailFilter.None;
        _days = null;
        await ReloadAsync();
    }

    private string RepName(long id) => _reps.FirstOrDefault(u => u.Id == id)?.DisplayName ?? "";

    private TrackingSummary? Summary(OutgoingMail mail, TrackingKind kind) => _tracking.GetValueOrDefault((mail.Id, kind));

    private Task ReloadOnCircuitAsync() => InvokeAsync(ReloadAsync);

    private async Task ReloadAsync()
    {
        if (_table is not null && _filter != "drafts")
        {
            await _table.ReloadServerData();
        }
    }

    private async Task RetryAsync(OutgoingMail mail)
    {
        if (await Retry.RetryAsync(await CurrentUser.GetAsync(), mail.Id, CancellationToken.None))
        {
            Snackbar.Add(T["Compose_Queued"], Severity.Info);
        }

        await ReloadAsync();
    }

    // Each name is kept whole (.recipient-name does not wrap); lines break only between names.
    private static IEnumerable<string> ToNames(OutgoingMail mail) =>
        mail.RecipientsOf(RecipientKind.To).Select(r => r.DisplayName);

    private static int OtherRecipients(OutgoingMail mail) => mail.Recipients.Count(r => r.Kind != RecipientKind.To);

    public void Dispose()
    {
        _refresh?.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}

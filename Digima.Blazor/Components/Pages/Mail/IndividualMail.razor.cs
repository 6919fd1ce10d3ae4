using Digima.Blazor.Auth;
using Digima.Core.Compose;
using Digima.Core.LiveUpdates;
using Digima.Core.Sending;
using Digima.Core.Tracking;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Mail;

/// <summary>「個別メール」: the rep's own individual mail with its status, 開封 and クリック. The
/// list reloads when the bus says one of the rep's mails changed status or was opened or
/// clicked, on whichever node that happened.</summary>
public partial class IndividualMail
{
    [Inject] private ListIndividualMailQuery List { get; set; } = default!;
    [Inject] private GetTrackingSummaryQuery Tracking { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private RetryMailCommand Retry { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private readonly List<IDisposable> _subscriptions = [];
    private MudTable<OutgoingMail>? _table;
    private Dictionary<(long MailId, TrackingKind Kind), TrackingSummary> _tracking = [];

    protected override async Task OnInitializedAsync()
    {
        // Subscribed before the first load, so a change during it is not missed.
        var userId = (await CurrentUser.GetAsync()).Id;
        _subscriptions.Add(Live.Subscribe<OutgoingMailStatusChanged>(e => e.UserId == userId ? ReloadOnCircuitAsync() : Task.CompletedTask));
        _subscriptions.Add(Live.Subscribe<TrackingRecorded>(e => e.UserId == userId ? ReloadOnCircuitAsync() : Task.CompletedTask));
        _subscriptions.Add(Live.Subscribe<LiveEventsResumed>(_ => ReloadOnCircuitAsync()));
    }

    private async Task<TableData<OutgoingMail>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.GetAsync();
        var page = await List.ListAsync(user, state.Page * state.PageSize, state.PageSize, cancellationToken);
        var summaries = await Tracking.GetAsync(user, page.Items.Select(m => m.Id).ToList(), cancellationToken);
        _tracking = summaries.ToDictionary(s => (s.MailId, s.Kind));
        return new TableData<OutgoingMail> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private TrackingSummary? Summary(OutgoingMail mail, TrackingKind kind) => _tracking.GetValueOrDefault((mail.Id, kind));

    private Task ReloadOnCircuitAsync() => InvokeAsync(ReloadAsync);

    private async Task ReloadAsync()
    {
        if (_table is not null)
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

    private static string Recipients(OutgoingMail mail) =>
        string.Join("、", mail.RecipientsOf(RecipientKind.To).Select(r => r.DisplayName))
        + (mail.Recipients.Count(r => r.Kind != RecipientKind.To) is var others and > 0 ? $" +{others}" : "");

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}

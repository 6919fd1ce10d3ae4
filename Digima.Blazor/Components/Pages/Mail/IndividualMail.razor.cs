using Digima.Blazor.Auth;
using Digima.Core.Compose;
using Digima.Core.Sending;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Mail;

/// <summary>「個別メール」: the rep's own individual mail with its status. While anything is
/// queued or sending, the list refreshes itself so the rep sees it go out.</summary>
public partial class IndividualMail
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    [Inject] private ListIndividualMailQuery List { get; set; } = default!;
    [Inject] private Digima.Core.Scheduling.ListScheduledMailQuery ListScheduled { get; set; } = default!;

    /// <summary>「予約」 shows only scheduled and held mail, soonest first.</summary>
    [SupplyParameterFromQuery(Name = "filter")]
    private string? Filter { get; set; }

    private string _filter = "all";
    [Inject] private RetryMailCommand Retry { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private MudTable<OutgoingMail>? _table;
    private Timer? _refresh;

    private async Task<TableData<OutgoingMail>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.GetAsync();
        var page = _filter == "scheduled"
            ? await ListScheduled.ListAsync(user, state.Page * state.PageSize, state.PageSize, cancellationToken)
            : await List.ListAsync(user, state.Page * state.PageSize, state.PageSize, cancellationToken);
        // Scheduled mail changes on its own when its time comes (sent, held): polled from a few
        // minutes before, until live events reach this page.
        var soon = Time.GetUtcNow() + TimeSpan.FromMinutes(5);
        var pending = page.Items.Any(m => m.Status is MailStatus.Queued or MailStatus.Sending
            || (m.Status == MailStatus.Scheduled && (m.SendAfter ?? m.ScheduledAt) < soon));
        _refresh?.Dispose();
        _refresh = pending ? new Timer(_ => InvokeAsync(ReloadAsync), null, RefreshEvery, Timeout.InfiniteTimeSpan) : null;
        return new TableData<OutgoingMail> { Items = page.Items, TotalItems = page.TotalCount };
    }

    protected override void OnParametersSet() => _filter = Filter == "scheduled" ? "scheduled" : "all";

    private async Task FilterChangedAsync(string? filter)
    {
        _filter = filter ?? "all";
        await ReloadAsync();
    }

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

    public void Dispose() => _refresh?.Dispose();
}

using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport.Backfill;
using Microsoft.AspNetCore.Components;

namespace Digima.Blazor.Components.Pages.Mailboxes;

public sealed partial class MailboxBackfillPanel : IDisposable
{
    private static readonly int[] Periods = [90, 180, 365, RequestMailboxBackfillCommand.MaxDays];

    [Inject] private GetMailBackfillQuery Backfills { get; set; } = default!;
    [Inject] private RequestMailboxBackfillCommand Request { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    private CurrentUser? _user;
    private bool _visible;
    private int _days = RequestMailboxBackfillCommand.MaxDays;
    private MailboxBackfillStatus? _status;
    private IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        _user = await CurrentUser.GetAsync();
        // The server refuses reps too (RequestMailboxBackfillCommand); hidden here so they are not offered it.
        _visible = _user.IsManager;
        if (_visible)
        {
            _subscription = Live.Subscribe<MailBackfillChanged>(e => e.UserId == _user.Id && e.CustomerId is null ? InvokeAsync(LoadAsync) : Task.CompletedTask);
            await LoadAsync();
        }
    }

    private string PeriodLabel(int days) => days switch
    {
        90 => T["Backfill_Period3Months"],
        180 => T["Backfill_Period6Months"],
        365 => T["Backfill_Period1Year"],
        _ => T["Backfill_Period2Years"],
    };

    private async Task RequestAsync()
    {
        await Request.RequestAsync(_user!, _user!.Id, _days, CancellationToken.None);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _status = await Backfills.GetMailboxAsync(_user!, _user!.Id, CancellationToken.None);
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while the event was on its way.
        }
    }

    public void Dispose() => _subscription?.Dispose();
}

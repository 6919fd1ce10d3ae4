using Digima.Core.LiveUpdates;
using Digima.Core.MailImport.Backfill;
using Microsoft.AspNetCore.Components;

namespace Digima.Blazor.Components.Pages.Customers;

public sealed partial class CustomerBackfillStatus : IDisposable
{
    [Inject] private GetMailBackfillQuery Backfills { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    [Parameter] public long CustomerId { get; set; }

    private CustomerBackfillProgress? _progress;
    private IDisposable[] _subscriptions = [];

    protected override async Task OnParametersSetAsync()
    {
        if (_subscriptions.Length == 0)
        {
            // Each mailbox searched, on any node; a new address asks again (R28).
            _subscriptions =
            [
                Live.Subscribe<MailBackfillChanged>(e => e.CustomerId == CustomerId ? InvokeAsync(LoadAsync) : Task.CompletedTask),
                Live.Subscribe<CustomerChanged>(e => e.CustomerId == CustomerId ? InvokeAsync(LoadAsync) : Task.CompletedTask),
                Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(LoadAsync)),
            ];
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _progress = await Backfills.GetCustomerAsync(CustomerId, CancellationToken.None);
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while the event was on its way.
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

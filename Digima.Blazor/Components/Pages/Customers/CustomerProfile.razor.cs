using Digima.Blazor.Auth;
using Digima.Core.Awaiting;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

public partial class CustomerProfile
{
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private GetAwaitingRepliesQuery Awaiting { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private Customer? _customer;
    private AwaitingReply? _awaiting;
    private bool _notFound;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private Timeline.CustomerTimeline? _timeline;
    private IDisposable[] _subscriptions = [];

    protected override async Task OnParametersSetAsync()
    {
        if (_subscriptions.Length == 0)
        {
            // Mail imported, sent, opened or clicked for this customer, or its fields saved, on any node (R28).
            _subscriptions =
            [
                Live.Subscribe<MailImported>(e => e.CustomerIds.Contains(Id) ? InvokeAsync(RefreshAllAsync) : Task.CompletedTask),
                Live.Subscribe<OutgoingMailStatusChanged>(e => e.CustomerIds.Contains(Id) ? InvokeAsync(RefreshAllAsync) : Task.CompletedTask),
                Live.Subscribe<CustomerChanged>(e => e.CustomerId == Id ? InvokeAsync(RefreshAllAsync) : Task.CompletedTask),
                Live.Subscribe<TrackingRecorded>(e => e.CustomerId == Id ? InvokeAsync(() => TrackingChangedAsync(e.MailId)) : Task.CompletedTask),
                Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(RefreshAllAsync)),
            ];
        }

        await LoadAsync();
    }

    // New mail and events show up without a reload (R28), whichever node wrote them. The
    // timeline's LoadNewerAsync is the one entry point a live event can call as well.
    private async Task RefreshTimelineAsync()
    {
        try
        {
            if (_timeline is not null)
            {
                await _timeline.LoadNewerAsync();
            }
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between two checks.
        }
    }

    // Mail from the customer changes the profile's fields too (直近顧客行動タイプ/日時, R24).
    private async Task RefreshAllAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between two checks.
        }

        await RefreshTimelineAsync();
    }

    private async Task TrackingChangedAsync(long mailId)
    {
        try
        {
            if (_timeline is not null)
            {
                await _timeline.TrackingChangedAsync(mailId);
            }
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

    private async Task LoadAsync()
    {
        try
        {
            var user = await CurrentUser.GetAsync();
            _customer = await GetCustomer.GetAsync(user, Id, CancellationToken.None);
            _awaiting = (await Awaiting.GetAsync(user, [Id], CancellationToken.None)).GetValueOrDefault(Id);
            _notFound = false;
        }
        catch (NotFoundException)
        {
            _customer = null;
            _notFound = true;
        }

        _breadcrumbs =
        [
            new BreadcrumbItem(T["Nav_Customers"], "/customers"),
            new BreadcrumbItem(_customer?.FullName ?? T["Customer_Profile"], null, disabled: true),
        ];
    }

    // The app stores its own action types in Japanese (the data's language); show them in the
    // user's. Values from elsewhere (a CSV import) are shown as they are.
    private string ActionTypeLabel(string? type) =>
        type == CustomerActionTypes.MailReceived ? T["Customer_Action_MailReceived"] : type ?? "";

    private async Task EditAsync()
    {
        if (_customer is null)
        {
            return;
        }

        var saved = await CustomerFormDialog.ShowAsync(Dialogs, T["Customer_EditTitle"], _customer.Id, CustomerInput.From(_customer));
        if (saved is not null)
        {
            Snackbar.Add(T["Customers_Saved"], Severity.Success);
            await LoadAsync();
            await RefreshTimelineAsync();
        }
    }
}

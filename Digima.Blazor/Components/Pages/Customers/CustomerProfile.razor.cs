using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Customers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

public partial class CustomerProfile
{
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private Customer? _customer;
    private bool _notFound;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(3);
    private Timeline.CustomerTimeline? _timeline;
    private Timer? _check;

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _check ??= new Timer(_ => InvokeAsync(RefreshTimelineAsync), null, CheckEvery, CheckEvery);
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

    public void Dispose() => _check?.Dispose();

    private async Task LoadAsync()
    {
        try
        {
            var user = await CurrentUser.GetAsync();
            _customer = await GetCustomer.GetAsync(user, Id, CancellationToken.None);
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

using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

public partial class CustomerProfile
{
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private ListCustomerMailQuery ListMail { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private Customer? _customer;
    private bool _notFound;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IReadOnlyList<OutgoingMail> _mails = [];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var user = await CurrentUser.GetAsync();
            _customer = await GetCustomer.GetAsync(user, Id, CancellationToken.None);
            _mails = await ListMail.ListAsync(user, Id, CancellationToken.None);
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

    private static string Snippet(string body) =>
        body.Length <= 140 ? body : string.Concat(body.AsSpan(0, 140), "…");

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
        }
    }
}

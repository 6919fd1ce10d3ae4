using Digima.Blazor.Auth;
using Digima.Core.Accounts;
using Digima.Core.Customers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

/// <summary>Create (CustomerId 0) or edit a customer. Closes with the saved customer's id.</summary>
public partial class CustomerFormDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private SaveCustomerCommand Save { get; set; } = default!;
    [Inject] private ListActiveUsersQuery Users { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;

    [Parameter] public long CustomerId { get; set; }
    [Parameter] public CustomerInput Input { get; set; } = new();

    private IReadOnlyList<User> _owners = [];
    private Dictionary<string, string> _errors = [];
    private string? _generalError;
    private bool _saving;

    public static async Task<long?> ShowAsync(IDialogService dialogs, string title, long customerId, CustomerInput input)
    {
        var parameters = new DialogParameters<CustomerFormDialog>
        {
            { d => d.CustomerId, customerId },
            { d => d.Input, input },
        };
        var dialog = await dialogs.ShowAsync<CustomerFormDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: long id } ? id : null;
    }

    protected override async Task OnInitializedAsync() =>
        _owners = await Users.ListAsync(await CurrentUser.GetAsync(), CancellationToken.None);

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var outcome = await Save.SaveAsync(await CurrentUser.GetAsync(), CustomerId, Input, CancellationToken.None);
            if (outcome.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(outcome.Value));
                return;
            }

            _errors = outcome.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
            _generalError = T["Form_HasErrors"];
        }
        finally
        {
            _saving = false;
        }
    }
}

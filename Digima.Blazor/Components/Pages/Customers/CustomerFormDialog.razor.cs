using Digima.Blazor.Auth;
using Digima.Core.Accounts;
using Digima.Core.Customers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

/// <summary>Create (CustomerId 0) or edit a customer. Closes with the saved customer's id. An edit
/// saved by someone else since the form was filled is refused and said, never overwritten.</summary>
public partial class CustomerFormDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private SaveCustomerCommand Save { get; set; } = default!;
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private ListActiveUsersQuery Users { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;

    [Parameter] public long CustomerId { get; set; }
    [Parameter] public CustomerInput Input { get; set; } = new();

    /// <summary>Fields a mail needs and finds empty (「この場で入力」 from compose), by their
    /// <see cref="CustomerInput"/> property name, with the labels the mail calls them by.</summary>
    [Parameter] public IReadOnlyList<string> Needed { get; set; } = [];

    [Parameter] public string NeededNames { get; set; } = "";

    private CustomerInput _input = new();
    private IReadOnlyList<User> _owners = [];
    private Dictionary<string, string> _errors = [];
    private string? _generalError;
    private bool _conflict;
    private bool _saving;

    public static Task<long?> ShowAsync(IDialogService dialogs, string title, long customerId, CustomerInput input) =>
        ShowAsync(dialogs, title, new DialogParameters<CustomerFormDialog> { { d => d.CustomerId, customerId }, { d => d.Input, input } });

    /// <summary>The dialog over the page that shows it; null when cancelled.</summary>
    public static async Task<long?> ShowAsync(IDialogService dialogs, string title, DialogParameters<CustomerFormDialog> parameters)
    {
        // With fields marked as needed, the first of them takes the focus, not the dialog's first field.
        var focus = parameters.TryGet<IReadOnlyList<string>>(nameof(Needed)) is { Count: > 0 } ? DefaultFocus.None : (DefaultFocus?)null;
        var dialog = await dialogs.ShowAsync<CustomerFormDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, DefaultFocus = focus });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: long id } ? id : null;
    }

    protected override async Task OnInitializedAsync()
    {
        _input = Input;
        _owners = await Users.ListAsync(await CurrentUser.GetAsync(), CancellationToken.None);
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var outcome = await Save.SaveAsync(await CurrentUser.GetAsync(), CustomerId, _input, CancellationToken.None);
            if (outcome.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(outcome.Value));
                return;
            }

            _conflict = outcome.Errors.Any(e => e.PropertyName == SaveCustomerCommand.Conflict);
            _errors = outcome.Errors.Where(e => e.PropertyName != SaveCustomerCommand.Conflict)
                .GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
            _generalError = _conflict ? outcome.Errors.First(e => e.PropertyName == SaveCustomerCommand.Conflict).ErrorMessage : T["Form_HasErrors"];
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>「最新の内容を読み込む」 after a refused save: the form shows what is stored now.</summary>
    private async Task LoadLatestAsync()
    {
        _input = CustomerInput.From(await GetCustomer.GetAsync(await CurrentUser.GetAsync(), CustomerId, CancellationToken.None));
        (_errors, _generalError, _conflict) = ([], null, false);
    }
}

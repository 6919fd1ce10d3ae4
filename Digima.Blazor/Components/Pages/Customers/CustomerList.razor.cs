using Digima.Blazor.Auth;
using Digima.Core.Awaiting;
using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

public partial class CustomerList
{
    [Inject] private SearchCustomersQuery Search { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private GetAwaitingRepliesQuery Awaiting { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    private string? Query { get; set; }

    private MudTable<Customer>? _table;
    private string? _search;
    private IReadOnlyDictionary<long, AwaitingReply> _awaiting = new Dictionary<long, AwaitingReply>();

    protected override void OnInitialized() => _search = Query;

    private async Task<TableData<Customer>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.GetAsync();
        var page = await Search.SearchAsync(user, new CustomerSearch(_search, state.Page * state.PageSize, state.PageSize), cancellationToken);
        _awaiting = await Awaiting.GetAsync(user, page.Items.Select(c => c.Id).ToList(), cancellationToken);
        return new TableData<Customer> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task SearchChangedAsync(string? text)
    {
        // The field reports its value again when it loses focus, e.g. on the click that opens a
        // profile: searching again then would add ?q= to the profile's address.
        if (text == _search)
        {
            return;
        }

        _search = text;
        // Keep the search in the address so Back from a profile returns to the same list.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("q", string.IsNullOrWhiteSpace(text) ? null : text), replace: true);
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private void OpenProfile(TableRowClickEventArgs<Customer> row)
    {
        if (row.Item is not null)
        {
            Navigation.NavigateTo($"customers/{row.Item.Id}");
        }
    }

    private async Task CreateAsync()
    {
        var id = await CustomerFormDialog.ShowAsync(Dialogs, T["Customers_Add"], 0, new CustomerInput());
        if (id is not null)
        {
            Snackbar.Add(T["Customers_Saved"], Severity.Success);
            Navigation.NavigateTo($"customers/{id}");
        }
    }

    private async Task ImportAsync()
    {
        var dialog = await Dialogs.ShowAsync<CustomerImportDialog>(T["Customers_Import"], new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: ImportReport report } && _table is not null)
        {
            Snackbar.Add(T["Import_Done", report.ImportedCount], Severity.Success);
            await _table.ReloadServerData();
        }
    }
}

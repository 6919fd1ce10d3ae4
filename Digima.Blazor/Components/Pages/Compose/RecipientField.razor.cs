using Digima.Blazor.Auth;
using Digima.Blazor.Components.Pages.Customers;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

public partial class RecipientField
{
    [Inject] private SearchRecipientsQuery Search { get; set; } = default!;
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public string TestId { get; set; } = "";
    [Parameter, EditorRequired] public List<ComposeRecipient> Recipients { get; set; } = [];
    [Parameter] public bool Required { get; set; }
    [Parameter] public EventCallback RecipientsChanged { get; set; }

    private MudAutocomplete<RecipientMatch>? _search;
    private string _typed = "";
    private bool _typedMatchesExactly;
    private string? _error;

    /// <summary>A valid address that no customer has: offer 「新規顧客情報としてメールアドレスを追加」 (R4).</summary>
    private bool CanAddAsNewCustomer => !_typedMatchesExactly && TextRules.IsEmailAddress(_typed.Trim());

    private async Task<IEnumerable<RecipientMatch>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        _typed = text ?? "";
        var error = LooksLikeBrokenAddress(_typed.Trim()) ? T["Compose_InvalidAddress"].Value : null;
        if (error != _error)
        {
            // The search runs inside the autocomplete: this field must re-render to show the error.
            _error = error;
            await InvokeAsync(StateHasChanged);
        }

        var matches = await Search.SearchAsync(await CurrentUser.GetAsync(), text, cancellationToken);
        _typedMatchesExactly = matches.Any(m => string.Equals(m.Email, _typed.Trim(), StringComparison.OrdinalIgnoreCase));
        return matches;
    }

    /// <summary>An address typed to its end (it has a dotted domain) that is still not valid.</summary>
    private static bool LooksLikeBrokenAddress(string typed)
    {
        var at = typed.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && typed.IndexOf('.', at) > at && !TextRules.IsEmailAddress(typed);
    }

    private async Task AddAsync(RecipientMatch? match)
    {
        if (match is null)
        {
            return;
        }

        await AddRecipientAsync(new ComposeRecipient(match.CustomerId, match.Email, match.FullName));
    }

    private async Task AddNewCustomerAsync()
    {
        var email = _typed.Trim();
        var id = await CustomerFormDialog.ShowAsync(Dialogs, T["Compose_NewCustomerTitle"], 0, new CustomerInput { Email = email });
        if (id is { } customerId)
        {
            var customer = await GetCustomer.GetAsync(await CurrentUser.GetAsync(), customerId, CancellationToken.None);
            await AddRecipientAsync(new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        }
    }

    private async Task AddRecipientAsync(ComposeRecipient recipient)
    {
        if (Recipients.All(r => r.CustomerId != recipient.CustomerId))
        {
            Recipients.Add(recipient);
            await RecipientsChanged.InvokeAsync();
        }

        _typed = "";
        _error = null;
        if (_search is not null)
        {
            await _search.ClearAsync();
        }
    }

    private async Task RemoveAsync(ComposeRecipient recipient)
    {
        Recipients.Remove(recipient);
        await RecipientsChanged.InvokeAsync();
    }
}

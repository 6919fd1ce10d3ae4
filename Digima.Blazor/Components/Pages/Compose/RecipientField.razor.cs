using Digima.Blazor.Auth;
using Digima.Blazor.Components.Pages.Customers;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>One line of the suggestions: a customer, or (Cc and Bcc) a colleague.</summary>
/// <param name="Reading">The customer's name in kana: a rep who typed romaji (sato) sees why サトウ came up.</param>
public sealed record RecipientOption(ComposeRecipient Recipient, string Company, bool IsColleague, string Reading = "");

public partial class RecipientField
{
    [Inject] private SearchRecipientsQuery Search { get; set; } = default!;
    [Inject] private SearchColleaguesQuery SearchColleagues { get; set; } = default!;
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public string TestId { get; set; } = "";
    [Parameter, EditorRequired] public List<ComposeRecipient> Recipients { get; set; } = [];
    [Parameter] public bool Required { get; set; }
    [Parameter] public EventCallback RecipientsChanged { get; set; }

    /// <summary>Cc and Bcc: colleagues are offered and a valid address can be added as is, neither
    /// made a customer (E5). 宛先 offers customers only (R4).</summary>
    [Parameter] public bool AllowNonCustomers { get; set; }

    private MudAutocomplete<RecipientOption>? _search;
    private string _typed = "";
    private bool _typedMatchesExactly;
    private string? _error;

    /// <summary>A valid address that no suggestion has: offer 「新規顧客情報としてメールアドレスを追加」
    /// (R4) and, in Cc and Bcc, 「このアドレスを追加」.</summary>
    private bool CanAddTyped => !_typedMatchesExactly && TextRules.IsEmailAddress(_typed.Trim());

    private bool CanAddAsAddress => AllowNonCustomers && CanAddTyped;

    private static string ChipText(ComposeRecipient recipient) => AddressText.Of(recipient.DisplayName, recipient.Email);

    private async Task<IEnumerable<RecipientOption>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        _typed = text ?? "";
        var error = LooksLikeBrokenAddress(_typed.Trim()) ? T["Compose_InvalidAddress"].Value : null;
        if (error != _error)
        {
            // The search runs inside the autocomplete: this field must re-render to show the error.
            _error = error;
            await InvokeAsync(StateHasChanged);
        }

        var actor = await CurrentUser.GetAsync();
        var colleagues = AllowNonCustomers ? await SearchColleagues.SearchAsync(actor, text, cancellationToken) : [];
        var customers = await Search.SearchAsync(actor, text, cancellationToken);

        // Colleagues first, then customers; past MaxResults the list says to type more.
        var options = colleagues.Select(c => new RecipientOption(c.ToRecipient(), "", IsColleague: true))
            .Concat(customers.Select(m => new RecipientOption(new ComposeRecipient(m.CustomerId, m.Email, m.FullName), m.Company, IsColleague: false, m.FullNameKana)))
            .ToList();
        _typedMatchesExactly = options.Any(o => string.Equals(o.Recipient.Email, _typed.Trim(), StringComparison.OrdinalIgnoreCase));
        return options;
    }

    /// <summary>An address typed to its end (it has a dotted domain) that is still not valid.</summary>
    private static bool LooksLikeBrokenAddress(string typed)
    {
        var at = typed.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && typed.IndexOf('.', at) > at && !TextRules.IsEmailAddress(typed);
    }

    private async Task AddAsync(RecipientOption? option)
    {
        if (option is null)
        {
            return;
        }

        await AddRecipientAsync(option.Recipient);
    }

    private Task AddAsAddressAsync() => AddRecipientAsync(ComposeRecipient.Address(_typed));

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
        if (!Recipients.Any(recipient.SameAs))
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

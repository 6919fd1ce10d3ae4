using Digima.Blazor.Components.Pages.Customers;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.LiveUpdates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>「この場で入力」 (B1): the empty merge fields of the primary recipient are filled in the
/// customer dialog over compose, and the preview follows every save of a recipient, wherever it
/// was made. Only the customer changes: the mail on the screen, and so its draft, stays as it is
/// (the autosave finds nothing new to store).</summary>
public partial class ComposePage
{
    [Inject] private ILiveEvents Live { get; set; } = default!;

    private IDisposable? _customerChanges;

    private bool CanFixFields => _user is not null && CustomerAccess.CanEdit(_user);

    // The recipients are read on the circuit, where the page changes them.
    private void WatchRecipients() =>
        _customerChanges = Live.Subscribe<CustomerChanged>(e => InvokeAsync(() =>
            _input.AllRecipients.Any(r => r.CustomerId == e.CustomerId) ? RecipientChangedAsync(e.CustomerId) : Task.CompletedTask));

    private async Task FixFieldsAsync()
    {
        if (_preview is not { PrimaryRecipient: { } primary } preview || _user is null)
        {
            return;
        }

        var needed = MergeFields.CustomerFields(preview.EmptyFields);
        var current = await GetCustomer.GetAsync(_user, primary.Id, CancellationToken.None);
        var parameters = new DialogParameters<CustomerFormDialog>
        {
            { d => d.CustomerId, current.Id },
            { d => d.Input, CustomerInput.From(current) },
            { d => d.Needed, needed },
            { d => d.NeededNames, string.Join(T["ListSeparator"].Value, preview.EmptyFields) },
        };
        if (await CustomerFormDialog.ShowAsync(Dialogs, T["Compose_FixFieldsTitle", current.FullName], parameters) is { } saved)
        {
            Snackbar.Add(T["Customers_Saved"], Severity.Success);
            await RecipientChangedAsync(saved);
        }
    }

    /// <summary>A recipient was saved: the preview reads it again, and a refusal of an earlier
    /// 「今すぐ送信」 about that customer gives way to what the preview now says.</summary>
    private async Task RecipientChangedAsync(long customerId)
    {
        try
        {
            _generalErrors.RemoveAll(e => e.CustomerId == customerId);
            await RefreshPreviewAsync();
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between two checks.
        }
    }
}

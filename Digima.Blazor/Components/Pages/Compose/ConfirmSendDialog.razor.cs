using Digima.Blazor.Auth;
using Digima.Core.Compose;
using Digima.Core.LiveUpdates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>The dialog checks the recipients itself when it opens, so the send flow passes only the
/// mail. 「確認」 waits for the check and for every warning to be acknowledged: a warning never
/// blocks the mail, it costs one click that says it was read. A recipient saved meanwhile (a
/// colleague's edit, another tab) is checked again; changed warnings are to be read again.</summary>
public partial class ConfirmSendDialog : IDisposable
{
    private RecipientCheck? _check;
    private bool[] _acknowledged = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private CheckRecipientsQuery CheckRecipients { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Parameter, EditorRequired] public ComposeInput Input { get; set; } = default!;
    [Parameter, EditorRequired] public string Subject { get; set; } = "";

    private bool CanConfirm => _check is not null && _acknowledged.All(a => a);

    private IDisposable? _customerChanges;

    protected override async Task OnInitializedAsync()
    {
        _customerChanges = Live.Subscribe<CustomerChanged>(e =>
            Input.AllRecipients.Any(r => r.CustomerId == e.CustomerId) ? InvokeAsync(RecheckAsync) : Task.CompletedTask);
        await CheckAsync();
    }

    private async Task CheckAsync()
    {
        var check = await CheckRecipients.CheckAsync(await CurrentUser.GetAsync(), Input, CancellationToken.None);
        if (_check is null || !check.Warnings.Select(Key).SequenceEqual(_check.Warnings.Select(Key)))
        {
            _acknowledged = new bool[check.Warnings.Count];
        }

        _check = check;
    }

    private async Task RecheckAsync()
    {
        try
        {
            await CheckAsync();
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The dialog closed between two checks.
        }
    }

    public void Dispose() => _customerChanges?.Dispose();

    // The warning's lists compare by reference; what the rep read is their content.
    private static string Key(RecipientWarning w) => $"{w.Kind}|{string.Join(',', w.Addresses)}|{string.Join(',', w.Names)}";

    private string Names(IEnumerable<ComposeRecipient> recipients) =>
        string.Join(T["ListSeparator"].Value, recipients.Select(r => AddressText.Of(r.DisplayName, r.Email)));

    private string Describe(CheckedRecipient recipient) =>
        AddressText.Of(recipient.DisplayName, recipient.Email) + (recipient.Kind == RecipientKind.To ? "" : $" ({recipient.Kind})");

    private string Message(RecipientWarning warning)
    {
        var names = string.Join(T["ListSeparator"].Value, warning.Names);
        return warning.Kind switch
        {
            RecipientWarningKind.NewDomain => T["RecipientCheck_NewDomain", names],
            RecipientWarningKind.SeveralCompanies => T["RecipientCheck_SeveralCompanies", names],
            RecipientWarningKind.BccSuggested => T["RecipientCheck_BccSuggested", names],
            RecipientWarningKind.SalutationMismatch => T["RecipientCheck_SalutationMismatch", warning.Names[0], warning.Names[1]],
            _ => warning.Kind.ToString(),
        };
    }
}

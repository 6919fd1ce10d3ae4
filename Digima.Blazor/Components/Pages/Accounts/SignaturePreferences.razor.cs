using Digima.Blazor.Auth;
using Digima.Blazor.Components.Pages.Compose;
using Digima.Core.Compose.Signatures;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Accounts;

/// <summary>Edits the signature through <see cref="SaveSignatureCommand"/>, which refuses unknown
/// merge tokens with compose's message; the field then shows the text as stored (normalised).</summary>
public partial class SignaturePreferences
{
    private const string FieldId = "signature-text";

    [Inject] private GetSignatureQuery GetSignature { get; set; } = default!;
    [Inject] private SaveSignatureCommand SaveSignature { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private string _text = "";
    private string? _error;

    protected override async Task OnInitializedAsync() =>
        _text = await GetSignature.GetAsync(await CurrentUser.GetAsync(), CancellationToken.None);

    private async Task SaveAsync()
    {
        var outcome = await SaveSignature.SaveAsync(await CurrentUser.GetAsync(), _text, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            _error = string.Join(" ", outcome.Errors.Select(e => e.ErrorMessage));
            return;
        }

        _error = null;
        _text = outcome.Value!;
        Snackbar.Add(T["Signature_Saved"], Severity.Success);
    }

    /// <summary>The same field list as compose's 「差し込み項目」, inserted at the caret.</summary>
    private async Task InsertMergeFieldAsync()
    {
        var selection = await JS.InvokeAsync<int[]>("digimaCompose.selection", FieldId);
        var dialog = await Dialogs.ShowAsync<MergeFieldDialog>(T["Compose_MergeDialogTitle"], new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string token })
        {
            return;
        }

        var start = selection[0] < 0 ? _text.Length : Math.Min(selection[0], _text.Length);
        var end = Math.Clamp(selection[1], start, _text.Length);
        _text = string.Concat(_text.AsSpan(0, start), token, _text.AsSpan(end));
        StateHasChanged();
        await JS.InvokeVoidAsync("digimaCompose.setCaret", FieldId, start + token.Length);
    }
}

using Digima.Blazor.Auth;
using Digima.Core.Sending.UndoSend;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Accounts;

/// <summary>Edits the grace through <see cref="SaveUndoGraceCommand"/>, which refuses anything
/// outside 0 to 30 s; the field starts at the rep's choice or the configured default.</summary>
public partial class UndoGracePreferences
{
    [Inject] private GetUndoGraceQuery GetGrace { get; set; } = default!;
    [Inject] private SaveUndoGraceCommand SaveGrace { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private int _seconds;
    private string? _error;

    protected override async Task OnInitializedAsync() =>
        _seconds = (int)(await GetGrace.GetAsync(await CurrentUser.GetAsync(), CancellationToken.None)).TotalSeconds;

    private async Task SaveAsync()
    {
        var outcome = await SaveGrace.SaveAsync(await CurrentUser.GetAsync(), _seconds, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            _error = outcome.Errors[0].ErrorMessage;
            return;
        }

        _error = null;
        Snackbar.Add(T["UndoGrace_Saved"], Severity.Success);
    }
}

using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Compose.Drafts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

public partial class DraftList
{
    [Inject] private ListDraftsQuery List { get; set; } = default!;
    [Inject] private DeleteDraftCommand Delete { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudTable<DraftSummary>? _table;

    private async Task<TableData<DraftSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await List.ListAsync(await CurrentUser.GetAsync(), state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new TableData<DraftSummary> { Items = page.Items, TotalItems = page.TotalCount };
    }

    /// <summary>「削除」, after the rep confirms it.</summary>
    private async Task DeleteAsync(DraftSummary draft)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Draft_Delete"], T["Draft_DeleteConfirm"], yesText: T["Draft_Delete"], cancelText: T["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await Delete.DeleteAsync(await CurrentUser.GetAsync(), draft.Id, CancellationToken.None);
            Snackbar.Add(T["Draft_Deleted"], Severity.Success);
        }
        catch (NotFoundException)
        {
            // Already gone (sent or deleted in another tab): the reload shows the list as it is.
        }

        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }
}

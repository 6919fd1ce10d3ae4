using Digima.Blazor.Auth;
using Digima.Blazor.Components.Pages.Compose;
using Digima.Core.Sending.UndoSend;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Layout;

/// <summary>Offers 「送信を取り消す」 again in a new circuit (a reload, a reconnect to another node,
/// a second tab) for every mail of the rep still inside its grace. Renders nothing itself.</summary>
public sealed class PendingUndoOffers : ComponentBase
{
    [Inject] private ListUndoableMailQuery Undoable { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        foreach (var mail in await Undoable.ListAsync(await CurrentUser.GetAsync(), CancellationToken.None))
        {
            UndoSendSnackbar.Show(Snackbar, Time, mail.MailId, mail.SendAfter);
        }
    }
}

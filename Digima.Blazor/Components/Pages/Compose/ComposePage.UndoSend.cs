using Digima.Core.Common;
using Digima.Core.Sending.UndoSend;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>「送信を取り消す」: after 「今すぐ送信」 the outbox holds the mail until its send_after;
/// the snackbar offers the undo that long, and an undone mail comes back here as typed.</summary>
public partial class ComposePage
{
    [Inject] private GetUndoDeadlineQuery UndoDeadline { get; set; } = default!;

    /// <summary>A mail taken back with 「送信を取り消す」.</summary>
    [SupplyParameterFromQuery(Name = "undone")]
    private long? UndoneMailId { get; set; }

    /// <summary>Shows the undo snackbar (it lives in the circuit, so it stays on 個別メール where the
    /// rep lands) for as long as the mail's grace lasts; false when the mail has no grace.</summary>
    private async Task<bool> OfferUndoAsync(CurrentUser user, long mailId)
    {
        if (await UndoDeadline.GetAsync(user, mailId, CancellationToken.None) is not { } sendAfter)
        {
            return false;
        }

        UndoSendSnackbar.Show(Snackbar, Time, mailId, sendAfter);
        return true;
    }
}

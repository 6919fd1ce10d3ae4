using Digima.Core.Common;
using Digima.Core.Compose.Signatures;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>「署名を挿入」: the rep's signature, put in once when the draft starts (under a new
/// mail's text, above a reply's quote; a duplicate keeps its own body) and switchable per mail.</summary>
public partial class ComposePage
{
    [Inject] private GetSignatureQuery GetSignature { get; set; } = default!;

    private SignatureSwitch _signature = new("", null);

    /// <summary>A reply's or a forward's loaded body is its quote: the signature goes above it.</summary>
    private bool IsReply => ReplyToMailId is not null || ReplyToSentMailId is not null || IsReplyAll || IsForward;

    /// <summary>A duplicate or an undone mail keeps its body as it was, signature included.</summary>
    private bool IsDuplicate => DuplicateMailId is not null || DuplicateSentMailId is not null || UndoneMailId is not null;

    /// <summary>Called once the draft's body is loaded: a reply's loaded body is its quote.</summary>
    private async Task StartSignatureAsync(CurrentUser user)
    {
        _signature = new SignatureSwitch(await GetSignature.GetAsync(user, CancellationToken.None), IsReply ? _input.Body : null);
        _input.Body = _signature.Start(_input.Body, insert: !IsDuplicate);
    }

    private async Task SignatureSwitchedAsync(bool on)
    {
        var change = _signature.Switch(_input.Body, on);
        _input.Body = change.Body;
        if (change.LeftEdited)
        {
            Snackbar.Add(T["Signature_LeftEdited"], Severity.Info);
        }

        await RefreshPreviewAsync();
    }

    /// <summary>A template replaced the body: the signature goes back in, once, while switched on.</summary>
    private async Task TemplateAppliedAsync()
    {
        _input.Body = _signature.AfterTemplate(_input.Body);
        await RefreshPreviewAsync();
    }
}

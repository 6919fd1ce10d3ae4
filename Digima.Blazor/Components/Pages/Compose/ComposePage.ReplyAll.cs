using Digima.Core.Common;
using Digima.Core.Compose;
using Microsoft.AspNetCore.Components;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>「全員に返信」 and 「転送」 (E5): the draft as DraftFromMailQuery makes it, from an imported
/// mail or one written in this app.</summary>
public partial class ComposePage
{
    [SupplyParameterFromQuery(Name = "replyAll")]
    private long? ReplyAllMailId { get; set; }

    [SupplyParameterFromQuery(Name = "replyAllSent")]
    private long? ReplyAllSentMailId { get; set; }

    [SupplyParameterFromQuery(Name = "forward")]
    private long? ForwardMailId { get; set; }

    [SupplyParameterFromQuery(Name = "forwardSent")]
    private long? ForwardSentMailId { get; set; }

    private bool IsReplyAll => ReplyAllMailId is not null || ReplyAllSentMailId is not null;

    private bool IsForward => ForwardMailId is not null || ForwardSentMailId is not null;

    /// <summary>The draft of 「全員に返信」 or 「転送」, or null when the page was opened for neither.</summary>
    /// <exception cref="NotFoundException">No such mail visible to the user.</exception>
    private async Task<ComposeInput?> ReplyAllOrForwardAsync(CurrentUser user) =>
        (ReplyAllMailId, ReplyAllSentMailId, ForwardMailId, ForwardSentMailId) switch
        {
            ({ } id, _, _, _) => await Drafts.ReplyAllAsync(user, id, CancellationToken.None),
            (_, { } id, _, _) => await Drafts.ReplyAllToSentAsync(user, id, CancellationToken.None),
            (_, _, { } id, _) => await Drafts.ForwardAsync(user, id, CancellationToken.None),
            (_, _, _, { } id) => await Drafts.ForwardSentAsync(user, id, CancellationToken.None),
            _ => null,
        };
}

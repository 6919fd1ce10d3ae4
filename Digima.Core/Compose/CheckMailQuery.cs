using Digima.Core.Common;

namespace Digima.Core.Compose;

/// <summary>Whether a mail can be sent as it stands: the same checks 「今すぐ送信」 and 「予約送信」
/// run (<see cref="ComposedMailFactory"/>), without storing anything. The compose page asks this
/// before it opens 「送信の確認」 or the 予約送信 dialog, so a rep is never asked to confirm a mail
/// that will be refused.</summary>
public sealed class CheckMailQuery(ComposedMailFactory factory)
{
    public async Task<Outcome<bool>> CheckAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        var built = await factory.BuildAsync(actor, input, cancellationToken);
        return built.Succeeded ? Outcome<bool>.Success(true) : Outcome<bool>.Failure(built.Errors);
    }
}

using Digima.Core.Common;
using Digima.Core.LiveUpdates;
using Digima.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Sending.UndoSend;

/// <summary>「送信を取り消す」: takes the rep's own mail back while the outbox still holds it in its
/// grace. The database decides (one conditional UPDATE against send_after), so an undo and a claim
/// on another node never both win: once the outbox has claimed the mail it is refused.</summary>
public sealed class UndoSendCommand(IUndoGraceRepository graces, ILiveEvents live, TimeProvider time, IStringLocalizer<CoreMessages> text)
{
    /// <returns>Success with the mail id (compose reopens it with <c>DraftFromMailQuery.UndoneAsync</c>),
    /// or a failure saying why it can no longer be undone.</returns>
    /// <exception cref="NotFoundException">No such mail of this user.</exception>
    public async Task<Outcome<long>> UndoAsync(CurrentUser actor, long mailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var result = await graces.CancelWithinGraceAsync(mailId, actor.Id, time.GetUtcNow(), cancellationToken)
            ?? throw new NotFoundException($"Mail {mailId} is not this user's.");
        if (!result.Undone)
        {
            return Outcome<long>.Failure(nameof(MailStatus), text[result.Status == MailStatus.Cancelled ? "ScheduleAlreadyCancelled" : "UndoSendTooLate"]);
        }

        await live.PublishAsync(new OutgoingMailStatusChanged(mailId, actor.Id, MailStatus.Cancelled, []), cancellationToken);
        return Outcome<long>.Success(mailId);
    }
}

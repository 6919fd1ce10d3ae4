using Digima.Core.Common;

namespace Digima.Core.Sending.UndoSend;

/// <summary>Until when 「送信を取り消す」 is offered for a mail just sent: the outbox row's own
/// send_after, so the snackbar counts down to the time the server acts on, not a browser guess.</summary>
public sealed class GetUndoDeadlineQuery(IOutgoingMailRepository outbox)
{
    /// <returns>The end of the grace, or null when the mail is not the actor's, not queued, or has none.</returns>
    public async Task<DateTimeOffset?> GetAsync(CurrentUser actor, long mailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mail = await outbox.GetAsync(mailId, cancellationToken);
        return mail is { Status: MailStatus.Queued, Attempts: 0 } && mail.UserId == actor.Id ? mail.SendAfter : null;
    }
}

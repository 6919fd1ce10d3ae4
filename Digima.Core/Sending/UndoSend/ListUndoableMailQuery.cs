using Digima.Core.Common;

namespace Digima.Core.Sending.UndoSend;

/// <summary>The rep's mails still inside their undo grace: a reload, a dropped circuit or another
/// tab starts a new circuit, and the snackbar that offered 「送信を取り消す」 lived in the old one.
/// The outbox row still waits, so the offer comes back for as long as it does.</summary>
public sealed class ListUndoableMailQuery(IUndoGraceRepository repository, TimeProvider time)
{
    public Task<IReadOnlyList<UndoableMail>> ListAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return repository.ListWithinGraceAsync(actor.Id, time.GetUtcNow(), cancellationToken);
    }
}

/// <param name="SendAfter">The end of the grace (UTC), the outbox row's send_after.</param>
public sealed record UndoableMail(long MailId, DateTimeOffset SendAfter);

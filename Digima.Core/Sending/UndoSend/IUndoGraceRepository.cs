namespace Digima.Core.Sending.UndoSend;

/// <summary>Each user's 「送信の取り消し猶予」 and the outbox rows the undo works on.</summary>
public interface IUndoGraceRepository
{
    /// <summary>The user's grace in seconds, or null when they never chose one (the configured default applies).</summary>
    Task<int?> GetSecondsAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Stores the user's grace in seconds.</summary>
    Task SaveSecondsAsync(long userId, int seconds, DateTimeOffset savedAt, CancellationToken cancellationToken);

    /// <summary>queued -> cancelled in one conditional UPDATE, only while the mail is the user's,
    /// still queued, never tried, and its send_after is later than <paramref name="now"/>.</summary>
    /// <returns>The mail's status after the statement (Cancelled when this call undid it), or null
    /// when there is no such mail of this user.</returns>
    Task<UndoResult?> CancelWithinGraceAsync(long mailId, long userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The user's mails an undo would still take back at <paramref name="now"/> (the same
    /// conditions as <see cref="CancelWithinGraceAsync"/>), soonest first.</summary>
    Task<IReadOnlyList<UndoableMail>> ListWithinGraceAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <param name="Undone">True when this call moved the mail to cancelled.</param>
/// <param name="Status">The mail's status after the call.</param>
public sealed record UndoResult(bool Undone, MailStatus Status);

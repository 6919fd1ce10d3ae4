namespace Digima.Core.Accounts.SignIn;

/// <summary>Failed sign-ins per typed address (trimmed, lower-case), whether or not an account
/// has that address, so a lockout tells nobody which addresses exist.</summary>
public interface ISignInFailureStore
{
    /// <summary>When the address is locked until, or null when it is not locked (or the lock has expired).</summary>
    Task<DateTimeOffset?> GetLockedUntilAsync(string emailKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts one failure in a single statement and locks the address until
    /// <paramref name="lockUntil"/> once the count reaches <paramref name="maxFailures"/>. A lock
    /// that has expired by <paramref name="now"/> starts a fresh count, so one wrong password after
    /// a lockout does not lock again. Returns the new count.</summary>
    Task<int> RecordFailureAsync(string emailKey, int maxFailures, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken cancellationToken);

    /// <summary>Forgets the failures of the address (after a successful sign-in).</summary>
    Task ResetAsync(string emailKey, CancellationToken cancellationToken);
}

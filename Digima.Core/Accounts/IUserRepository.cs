using Digima.Core.Common;

namespace Digima.Core.Accounts;

/// <summary>Users and their sign-in state.</summary>
public interface IUserRepository
{
    /// <summary>Finds a user by email, case-insensitively; null when none.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>The stored password hash of a user, or null for an unknown user.</summary>
    Task<string?> GetPasswordHashAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a user and returns its id.</summary>
    /// <exception cref="DuplicateEmailException">Another user already has this email.</exception>
    Task<long> InsertAsync(User user, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Updates profile fields (not the password, not sign-in state).</summary>
    /// <exception cref="DuplicateEmailException">Another user already has this email.</exception>
    Task<bool> UpdateAsync(User user, CancellationToken cancellationToken);

    Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken);

    Task UpdatePreferencesAsync(long id, string timeZoneId, string language, CancellationToken cancellationToken);

    /// <summary>Counts one failed sign-in in a single statement and locks the user until
    /// <paramref name="lockUntil"/> once the count reaches <paramref name="maxFailures"/>.
    /// Returns the new count. Atomic, so parallel guesses cannot skip the lock.</summary>
    Task<int> RecordFailedSignInAsync(long id, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken);

    Task ResetFailedSignInsAsync(long id, CancellationToken cancellationToken);
}

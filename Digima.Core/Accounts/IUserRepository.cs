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

    /// <summary>Updates profile fields (not the password). A change of role or of the active flag
    /// also changes the security stamp, in the same statement, so the user's sessions end.</summary>
    /// <exception cref="DuplicateEmailException">Another user already has this email.</exception>
    Task<bool> UpdateAsync(User user, CancellationToken cancellationToken);

    /// <summary>Sets a new password hash and changes the security stamp: every session of the
    /// user ends, including one opened with the old password by someone else.</summary>
    Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken);

    Task UpdatePreferencesAsync(long id, string timeZoneId, string language, CancellationToken cancellationToken);

    /// <summary>Changes the security stamp: every session of the user ends.</summary>
    Task RotateSecurityStampAsync(long id, CancellationToken cancellationToken);
}

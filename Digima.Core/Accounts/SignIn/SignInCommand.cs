namespace Digima.Core.Accounts.SignIn;

/// <summary>Checks an email and password, applying the lockout policy.</summary>
public sealed class SignInCommand(IUserRepository users, IPasswordHashing hashing, TimeProvider time)
{
    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return new SignInResult(SignInStatus.InvalidCredentials);
        }

        var user = await users.FindByEmailAsync(email.Trim(), cancellationToken);
        if (user is null)
        {
            return new SignInResult(SignInStatus.InvalidCredentials);
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            // While locked, even the right password is refused, so guessing gains nothing.
            return new SignInResult(SignInStatus.LockedOut, LockedUntil: until);
        }

        var hash = await users.GetPasswordHashAsync(user.Id, cancellationToken);
        if (hash is null || !hashing.Verify(hash, password))
        {
            var lockUntil = now + LockoutPolicy.Duration;
            var failures = await users.RecordFailedSignInAsync(user.Id, LockoutPolicy.MaxFailures, lockUntil, cancellationToken);
            return failures >= LockoutPolicy.MaxFailures
                ? new SignInResult(SignInStatus.LockedOut, LockedUntil: lockUntil)
                : new SignInResult(SignInStatus.InvalidCredentials);
        }

        if (!user.IsActive)
        {
            return new SignInResult(SignInStatus.Inactive);
        }

        if (user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            await users.ResetFailedSignInsAsync(user.Id, cancellationToken);
        }

        return new SignInResult(SignInStatus.Succeeded, user with { FailedSignIns = 0, LockedUntil = null });
    }
}

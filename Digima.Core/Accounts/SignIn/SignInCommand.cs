namespace Digima.Core.Accounts.SignIn;

/// <summary>Checks an email and password, applying the lockout policy. An unknown address gets
/// the same answers as a known one with a wrong password, after the same work (a password hash
/// is verified either way), so neither the message nor the time tells whether an account exists.</summary>
public sealed class SignInCommand(IUserRepository users, ISignInFailureStore failures, IPasswordHashing hashing, TimeProvider time)
{
    // One stand-in hash per process: verifying it costs what verifying a real one does.
    private static string? _standInHash;

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return new SignInResult(SignInStatus.InvalidCredentials);
        }

        var key = email.Trim().ToLowerInvariant();
        var user = await users.FindByEmailAsync(email.Trim(), cancellationToken);
        var hash = user is null ? null : await users.GetPasswordHashAsync(user.Id, cancellationToken);
        var matches = hashing.Verify(hash ?? StandInHash(), password) && hash is not null;

        var now = time.GetUtcNow();
        if (await failures.GetLockedUntilAsync(key, now, cancellationToken) is { } until)
        {
            // While locked, even the right password is refused, so guessing gains nothing.
            return new SignInResult(SignInStatus.LockedOut, LockedUntil: until);
        }

        if (!matches)
        {
            var lockUntil = now + LockoutPolicy.Duration;
            var count = await failures.RecordFailureAsync(key, LockoutPolicy.MaxFailures, now, lockUntil, cancellationToken);
            return count >= LockoutPolicy.MaxFailures
                ? new SignInResult(SignInStatus.LockedOut, LockedUntil: lockUntil)
                : new SignInResult(SignInStatus.InvalidCredentials);
        }

        if (!user!.IsActive)
        {
            return new SignInResult(SignInStatus.Inactive);
        }

        await failures.ResetAsync(key, cancellationToken);
        return new SignInResult(SignInStatus.Succeeded, user);
    }

    // A hash of nothing anyone knows, made once: verifying against it costs what a real check costs.
    private string StandInHash() => _standInHash ??= hashing.Hash(Guid.NewGuid().ToString("N"));
}

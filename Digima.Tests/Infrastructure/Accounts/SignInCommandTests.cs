using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Accounts.SignIn;
using Digima.Core.Accounts.Users;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Accounts;

public sealed class SignInCommandTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("signin");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_Succeeds_EmailCaseIgnored()
    {
        var user = await _services.AddUserAsync(UserRole.Rep, "Case.User@digima.test", "right-password");

        var result = await SignIn("case.user@DIGIMA.test", "right-password");

        Assert.Equal(SignInStatus.Succeeded, result.Status);
        Assert.Equal(user.Id, result.User!.Id);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksForFiveMinutesEvenForRightPassword()
    {
        await _services.AddUserAsync(UserRole.Rep, "lock@digima.test", "right-password");
        for (var i = 1; i < LockoutPolicy.MaxFailures; i++)
        {
            Assert.Equal(SignInStatus.InvalidCredentials, (await SignIn("lock@digima.test", "wrong")).Status);
        }

        var fifth = await SignIn("lock@digima.test", "wrong");
        var whileLocked = await SignIn("lock@digima.test", "right-password");
        _services.Clock.Advance(LockoutPolicy.Duration + TimeSpan.FromSeconds(1));
        var afterLock = await SignIn("lock@digima.test", "right-password");

        Assert.Equal(SignInStatus.LockedOut, fifth.Status);
        Assert.Equal(_services.Clock.GetUtcNow() - TimeSpan.FromSeconds(1), fifth.LockedUntil);
        Assert.Equal(SignInStatus.LockedOut, whileLocked.Status);
        Assert.Equal(SignInStatus.Succeeded, afterLock.Status);
    }

    [Fact]
    public async Task SignIn_SuccessResetsFailureCount()
    {
        await _services.AddUserAsync(UserRole.Rep, "reset@digima.test", "right-password");
        for (var i = 0; i < LockoutPolicy.MaxFailures - 1; i++)
        {
            await SignIn("reset@digima.test", "wrong");
        }

        await SignIn("reset@digima.test", "right-password");
        var afterReset = await SignIn("reset@digima.test", "wrong");

        Assert.Equal(SignInStatus.InvalidCredentials, afterReset.Status);
    }

    [Fact]
    public async Task SignIn_DeactivatedUser_Refused()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var rep = await _services.AddUserAsync(UserRole.Rep, "gone@digima.test", "right-password");
        await _services.Get<UpdateUserCommand>().UpdateAsync(manager, rep.Id,
            new UserInput { Email = rep.Email, DisplayName = rep.DisplayName, Role = UserRole.Rep, IsActive = false }, CancellationToken.None);

        Assert.Equal(SignInStatus.Inactive, (await SignIn("gone@digima.test", "right-password")).Status);
        Assert.Equal(SignInStatus.InvalidCredentials, (await SignIn("gone@digima.test", "wrong")).Status);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_InvalidCredentials()
    {
        Assert.Equal(SignInStatus.InvalidCredentials, (await SignIn("nobody@digima.test", "x")).Status);
    }

    [Fact]
    public async Task SignIn_UnknownAddress_LocksLikeAKnownOne()
    {
        for (var i = 1; i < LockoutPolicy.MaxFailures; i++)
        {
            Assert.Equal(SignInStatus.InvalidCredentials, (await SignIn("Nobody.Here@digima.test", "guess-" + i)).Status);
        }

        var fifth = await SignIn("nobody.here@digima.test", "guess-5");

        Assert.Equal(SignInStatus.LockedOut, fifth.Status);
        Assert.Equal(_services.Clock.GetUtcNow() + LockoutPolicy.Duration, fifth.LockedUntil);
    }

    [Fact]
    public async Task SignIn_AfterLockoutExpires_OneWrongPasswordDoesNotLockAgain()
    {
        await _services.AddUserAsync(UserRole.Rep, "relock@digima.test", "right-password");
        for (var i = 0; i < LockoutPolicy.MaxFailures; i++)
        {
            await SignIn("relock@digima.test", "wrong");
        }

        _services.Clock.Advance(LockoutPolicy.Duration + TimeSpan.FromSeconds(1));
        var firstAfter = await SignIn("relock@digima.test", "wrong");
        var rightAfter = await SignIn("relock@digima.test", "right-password");

        Assert.Equal(SignInStatus.InvalidCredentials, firstAfter.Status);
        Assert.Equal(SignInStatus.Succeeded, rightAfter.Status);
    }

    [Fact]
    public async Task SignIn_UnknownAddress_TakesAboutAsLongAsAWrongPassword()
    {
        await _services.AddUserAsync(UserRole.Rep, "timing@digima.test", "right-password");
        await SignIn("warm-up@digima.test", "x");
        var known = TimeSpan.Zero;
        var unknown = TimeSpan.Zero;
        // Alternating, so a busy moment of the machine weighs on both sides alike.
        for (var i = 0; i < LockoutPolicy.MaxFailures - 1; i++)
        {
            known += await TimeAsync(() => SignIn("timing@digima.test", "wrong-" + i));
            unknown += await TimeAsync(() => SignIn($"unknown-{i}@digima.test", "wrong-" + i));
        }

        // Verifying a password hash dominates; without it an unknown address answered ~50x faster.
        Assert.True(unknown > known * 0.5, $"unknown {unknown.TotalMilliseconds:F0} ms vs known {known.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Users_PasswordIsStoredHashedOnly()
    {
        await _services.AddUserAsync(UserRole.Rep, "hash@digima.test", "plain-text-secret");

        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        var hash = await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE email = 'hash@digima.test'");
        var anywhere = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users u WHERE u::text LIKE '%plain-text-secret%'");

        Assert.DoesNotContain("plain-text-secret", hash, StringComparison.Ordinal);
        Assert.Equal(0, anywhere);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await action();
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    private Task<SignInResult> SignIn(string email, string password) =>
        _services.Get<SignInCommand>().SignInAsync(email, password, CancellationToken.None);
}

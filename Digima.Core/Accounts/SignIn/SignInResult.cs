namespace Digima.Core.Accounts.SignIn;

public enum SignInStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    Inactive,
}

/// <summary>What happened at sign-in. <see cref="User"/> is set only on success;
/// <see cref="LockedUntil"/> only when locked out.</summary>
public sealed record SignInResult(SignInStatus Status, User? User = null, DateTimeOffset? LockedUntil = null);

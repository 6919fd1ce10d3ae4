namespace Digima.Core.Accounts.SignIn;

/// <summary>After <see cref="MaxFailures"/> wrong passwords in a row the account is locked for
/// <see cref="Duration"/>: enough to stop guessing, short enough that a rep is not stuck for the day.</summary>
public static class LockoutPolicy
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);
}

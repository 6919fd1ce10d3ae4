namespace Digima.Core.Accounts;

/// <summary>A person who signs in: a rep or a manager. Customers never sign in.</summary>
public sealed record User
{
    public long Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public UserRole Role { get; init; }
    public string TimeZoneId { get; init; } = UserDefaults.TimeZoneId;
    public string Language { get; init; } = UserDefaults.Language;
    public bool IsActive { get; init; } = true;

    /// <summary>Changes whenever the user's sessions must end (role, password, deactivation,
    /// sign-out); a session whose cookie carries another value is over.</summary>
    public Guid SecurityStamp { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public static class UserDefaults
{
    public const string TimeZoneId = "Asia/Tokyo";
    public const string Language = "ja";
    public static readonly IReadOnlyList<string> Languages = ["ja", "en"];
}

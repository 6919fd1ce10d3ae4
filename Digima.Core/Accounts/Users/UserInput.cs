namespace Digima.Core.Accounts.Users;

/// <summary>What a manager types to add or edit a user. <see cref="Password"/> is required when
/// adding; when editing, empty keeps the current password.</summary>
public sealed class UserInput
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public UserRole Role { get; set; } = UserRole.Rep;
    public string TimeZoneId { get; set; } = UserDefaults.TimeZoneId;
    public string Language { get; set; } = UserDefaults.Language;
    public bool IsActive { get; set; } = true;
    public string Password { get; set; } = "";
    public bool IsNew { get; set; } = true;
}

namespace Digima.Core.Accounts;

/// <summary>A rep works their own mailbox; a manager also reads every rep's mail with customers
/// and manages users.</summary>
public enum UserRole
{
    Rep,
    Manager,
}

public static class UserRoles
{
    public const string Rep = "rep";
    public const string Manager = "manager";

    public static string ToCode(this UserRole role) => role == UserRole.Manager ? Manager : Rep;

    public static UserRole Parse(string code) => code switch
    {
        Manager => UserRole.Manager,
        Rep => UserRole.Rep,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown role."),
    };
}

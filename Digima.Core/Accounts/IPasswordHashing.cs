namespace Digima.Core.Accounts;

/// <summary>One-way password hashing. Implemented with ASP.NET Core Identity's PasswordHasher.</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    /// <summary>True when the password matches the hash.</summary>
    bool Verify(string hash, string password);
}

using Digima.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Digima.Infrastructure.Accounts;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher; a hash made with older settings still verifies.</summary>
internal sealed class PasswordHashing : IPasswordHashing
{
    private static readonly object HashUser = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(HashUser, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(HashUser, hash, password) != PasswordVerificationResult.Failed;
}

using System.Security.Cryptography;
using Digima.Core.Mailboxes;
using Microsoft.AspNetCore.DataProtection;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>Mailbox passwords encrypted with ASP.NET Core Data Protection. The key ring lives in
/// PostgreSQL, so every app node can decrypt what another node encrypted.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>Changing it makes every saved password unreadable: add a new version instead.</summary>
    public const string Purpose = "Digima.Mailboxes.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException e)
        {
            throw new SecretUnreadableException("A saved mailbox password cannot be decrypted (changed text or lost key).", e);
        }
    }
}

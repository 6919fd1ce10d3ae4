using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Digima.DevOAuth;

/// <summary>The same logins the local Dovecot accepts: any address, with the shared development
/// password. The subject of a token is the lower-cased address, which is also the user name
/// Dovecot derives (auth_username_format = %Lu), so the two always agree.</summary>
public sealed class MailLogins(IOptions<DevOAuthOptions> options)
{
    /// <summary>Returns the login to put in the token, or null when the pair is refused.</summary>
    public string? Check(string? login, string? password)
    {
        if (string.IsNullOrWhiteSpace(login) || password is null
            || !MailAddress.TryCreate(login.Trim(), out var address) || address.Address != login.Trim())
        {
            return null;
        }

        var expected = Encoding.UTF8.GetBytes(options.Value.Password);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), expected)
            ? address.Address.ToLowerInvariant()
            : null;
    }
}

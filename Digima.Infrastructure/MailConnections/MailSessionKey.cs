using System.Security.Cryptography;
using System.Text;
using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.MailConnections;

/// <summary>How a session authenticated. A session never serves a login of another kind (a
/// token-authenticated session is not a password one); OAuth2 joins when mailboxes can use it.</summary>
internal enum MailCredentialKind
{
    Password,
}

/// <summary>What a kept session is kept under: the whole login, so changed settings (other
/// server, user or password) never reuse an old session. The secret is kept as a hash, not itself.</summary>
internal sealed record MailSessionKey(string Host, int Port, MailSecurity Security, string UserName, MailCredentialKind Credential, string SecretHash)
{
    public static MailSessionKey Of(MailServerLogin login) =>
        new(login.Host, login.Port, login.Security, login.UserName, MailCredentialKind.Password,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(login.Password))));
}

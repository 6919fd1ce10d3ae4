using System.Security.Cryptography;
using System.Text;
using Digima.Core.Mailboxes;

namespace Digima.Infrastructure.MailConnections;

/// <summary>What a kept session is kept under: the whole login, so changed settings (other
/// server, user or password) never reuse an old session. A password is kept as a hash, not
/// itself; an access token not at all: sessions outlive its rotation, and a session is not handed
/// out past the expiry of the token it logged in with (<see cref="MailSessionPool{TClient}"/>). A
/// session never serves a login of another kind.</summary>
internal sealed record MailSessionKey(string Host, int Port, MailSecurity Security, string UserName, MailCredentialKind Credential, string SecretHash)
{
    public static MailSessionKey Of(MailServerLogin login) =>
        new(login.Host, login.Port, login.Security, login.UserName, login.Kind,
            login.Kind == MailCredentialKind.Password ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(login.Password))) : "");
}

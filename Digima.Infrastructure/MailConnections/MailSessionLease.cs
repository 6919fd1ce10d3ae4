using Digima.Core.Mailboxes;
using MailKit;

namespace Digima.Infrastructure.MailConnections;

/// <summary>One caller's use of a pooled session. Call <see cref="Keep"/> once the client is known
/// to be in a clean state; a lease disposed without it logs the session out (it may be broken or
/// mid-command).</summary>
internal sealed class MailSessionLease<TClient>(
    TClient client, bool reused, DateTimeOffset? validUntil, MailServerLogin login, Func<MailServerLogin, CancellationToken, Task<TClient>> connect,
    Action<MailSessionLease<TClient>> release) : IDisposable
    where TClient : class, IMailService
{
    private int _released;

    public TClient Client { get; private set; } = client;

    /// <summary>Whether the session served an earlier lease (a failure on it may be the server
    /// having dropped it).</summary>
    public bool Reused { get; private set; } = reused;

    /// <summary>When the access token the session logged in with expires (null for a password):
    /// the pool does not hand the session out after it.</summary>
    public DateTimeOffset? ValidUntil { get; private set; } = validUntil;

    public bool Reusable { get; private set; }

    public void Keep() => Reusable = true;

    /// <summary>Replaces a session found closed by a new one in the same slot (the login's
    /// limit stays kept); the old one is logged out in the background.</summary>
    /// <remarks>Connection and login failures are thrown as MailKit throws them; the lease then
    /// holds the old, closed client, which its disposal logs out.</remarks>
    public async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        var fresh = await connect(login, cancellationToken);
        MailKitConnect.LogOutInBackground(Client);
        Client = fresh;
        Reused = false;
        ValidUntil = login.ValidUntil;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release(this);
        }
    }
}

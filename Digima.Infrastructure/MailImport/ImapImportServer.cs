using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailConnections;
using Digima.Infrastructure.Sending;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Infrastructure.MailImport;

/// <summary>Opens MailKit IMAP sessions for the import, reusing the mailbox's logged-in session
/// from the last sync when there is one (the pool under <see cref="MailSessionPools.Import"/>);
/// failures become <see cref="MailImportException"/> with the reason a rep can act on.</summary>
internal sealed class ImapImportServer(
    TransportErrors errors, MimeContentReader reader, [FromKeyedServices(MailSessionPools.Import)] MailSessionPool<ImapClient> pool)
    : IMailImportServer
{
    internal MimeContentReader Reader { get; } = reader;

    /// <summary>How the import keeps sessions: two at once per mailbox (summaries and bodies, the
    /// mailbox lock keeps syncs apart), one kept for the next sync, never checked with NOOP (a
    /// session's first EXAMINE finds one the server closed, and logs in again then).</summary>
    internal static MailSessionPoolSettings KeptSessions(MailImportOptions options) =>
        new(MaxPerKey: 2, KeepPerKey: 1, options.SessionIdleTimeout, ReuseWithoutCheckWithin: options.SessionIdleTimeout);

    public async Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        try
        {
            return new ImapImportSession(this, mailbox, await pool.LeaseAsync(mailbox.Imap, cancellationToken));
        }
        catch (Exception e) when (IsServerFault(e, cancellationToken))
        {
            throw Fault(e, mailbox);
        }
    }

    /// <summary>Replaces a kept session the server closed meanwhile with a new login.</summary>
    internal async Task ReconnectAsync(MailboxConnection mailbox, MailSessionLease<ImapClient> lease, CancellationToken cancellationToken)
    {
        try
        {
            await lease.ReconnectAsync(cancellationToken);
        }
        catch (Exception e) when (IsServerFault(e, cancellationToken))
        {
            throw Fault(e, mailbox);
        }
    }

    internal MailImportException Fault(Exception e, MailboxConnection mailbox) =>
        new(errors.Describe(e, mailbox.Imap).Error ?? e.Message, e);

    /// <summary>Anything the server or the network did, but not our own cancellation.</summary>
    internal static bool IsServerFault(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is MailKit.Security.AuthenticationException or ProtocolException or CommandException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or FolderNotOpenException or FolderNotFoundException or IOException
            or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException
            or Mailboxes.MailEndpointRefusedException;

    /// <summary>The connection itself is gone (closed by the server, reset): worth one new login.</summary>
    internal static bool IsConnectionLost(Exception? e) =>
        e is ProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException;
}

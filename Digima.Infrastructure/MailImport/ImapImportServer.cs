using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.Sending;
using MailKit;
using MailKit.Net.Imap;

namespace Digima.Infrastructure.MailImport;

/// <summary>Opens MailKit IMAP sessions for the import, reusing the mailbox's logged-in client
/// from the last sync when there is one (<see cref="ImapSessionPool"/>); failures become
/// <see cref="MailImportException"/> with the reason a rep can act on.</summary>
internal sealed class ImapImportServer : IMailImportServer
{
    private readonly TransportErrors _errors;
    private readonly ImapSessionPool _pool;
    private readonly Func<MailServerLogin, CancellationToken, Task<ImapClient>> _login;

    public ImapImportServer(TransportErrors errors, MimeContentReader reader, ImapSessionPool pool, MailKitConnect connect)
        : this(errors, reader, pool, connect.ImapAsync)
    {
    }

    /// <summary>With another way to log in (tests attach a protocol logger).</summary>
    internal ImapImportServer(
        TransportErrors errors, MimeContentReader reader, ImapSessionPool pool, Func<MailServerLogin, CancellationToken, Task<ImapClient>> login)
    {
        _errors = errors;
        Reader = reader;
        _pool = pool;
        _login = login;
    }

    internal MimeContentReader Reader { get; }

    public async Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return _pool.Take(mailbox) is { } kept
            ? new ImapImportSession(this, mailbox, kept, reused: true)
            : new ImapImportSession(this, mailbox, await LoginAsync(mailbox, cancellationToken), reused: false);
    }

    internal async Task<ImapClient> LoginAsync(MailboxConnection mailbox, CancellationToken cancellationToken)
    {
        try
        {
            return await _login(mailbox.Imap, cancellationToken);
        }
        catch (Exception e) when (IsServerFault(e, cancellationToken))
        {
            throw Fault(e, mailbox);
        }
    }

    /// <summary>Back to the pool when the session ended without a fault; otherwise logged out.</summary>
    internal void Release(MailboxConnection mailbox, ImapClient client, bool healthy)
    {
        if (healthy)
        {
            _pool.Return(mailbox, client);
        }
        else
        {
            _ = ImapSessionPool.CloseAsync(client);
        }
    }

    internal MailImportException Fault(Exception e, MailboxConnection mailbox) =>
        new(_errors.Describe(e, mailbox.Imap).Error ?? e.Message, e);

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

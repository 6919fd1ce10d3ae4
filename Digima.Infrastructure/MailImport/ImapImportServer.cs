using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.Sending;
using MailKit;

namespace Digima.Infrastructure.MailImport;

/// <summary>Opens MailKit IMAP sessions for the import; failures become
/// <see cref="MailImportException"/> with the reason a rep can act on.</summary>
internal sealed class ImapImportServer(TransportErrors errors, MimeContentReader reader) : IMailImportServer
{
    public async Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        try
        {
            var client = await MailKitConnect.ImapAsync(mailbox.Imap, cancellationToken);
            return new ImapImportSession(client, mailbox, errors, reader);
        }
        catch (Exception e) when (IsServerFault(e, cancellationToken))
        {
            throw new MailImportException(errors.Describe(e, mailbox.Imap).Error ?? e.Message, e);
        }
    }

    /// <summary>Anything the server or the network did, but not our own cancellation.</summary>
    internal static bool IsServerFault(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is MailKit.Security.AuthenticationException or ProtocolException or CommandException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or FolderNotOpenException or FolderNotFoundException or IOException
            or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException;
}

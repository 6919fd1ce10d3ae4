using System.Net.Sockets;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Sending;
using Digima.Infrastructure.Mailboxes;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;

namespace Digima.Infrastructure.Sending;

/// <summary>Turns what MailKit threw into the reason a rep can act on, with the server's own
/// reply where there is one. 5xx answers are permanent; the rest may pass on a retry.</summary>
internal sealed class TransportErrors(IStringLocalizer<CoreMessages> text)
{
    public TransportResult Describe(Exception e, MailServerLogin server) => e switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } smtp =>
            new(false, text["SmtpRecipientRefused", smtp.Mailbox?.Address ?? "", Reply(smtp)], (int)smtp.StatusCode >= 500),
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } smtp =>
            new(false, text["SmtpSenderRefused", smtp.Mailbox?.Address ?? "", Reply(smtp)], (int)smtp.StatusCode >= 500),
        SmtpCommandException smtp => new(false, text["SmtpRefused", Reply(smtp)], (int)smtp.StatusCode >= 500),
        AuthenticationException => new(false, text["MailAuthFailed", server.Host, server.UserName], true),
        MailboxReconnectRequiredException => new(false, text["MailboxReconnectRequired"], true),
        MailboxTokenUnavailableException => new(false, text["MailboxTokenUnavailable"]),
        MailEndpointRefusedException => new(false, text["MailAddressNotAllowed", server.Host], true),
        SslHandshakeException ssl => new(false, text["MailTlsFailed", Where(server), ssl.Message], true),
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => new(false, text["MailHostNotFound", server.Host], true),
        SocketException socket => new(false, text["MailConnectFailed", Where(server), socket.Message]),
        OperationCanceledException or TimeoutException => new(false, text["MailTimeout", Where(server)]),
        ProtocolException or ServiceNotConnectedException or IOException => new(false, text["MailConnectionLost", Where(server), e.Message]),
        CommandException command => new(false, text["MailCommandFailed", command.Message]),
        _ => new(false, text["MailUnexpected", e.GetType().Name, e.Message]),
    };

    public string NoSentFolder() => text["MailNoSentFolder"];

    private static string Where(MailServerLogin server) => $"{server.Host}:{server.Port}";

    private static string Reply(SmtpCommandException e) => $"{(int)e.StatusCode} {e.Message}";
}

using System.Net.Sockets;
using Digima.Core.Mailboxes;
using MailKit;
using MailKit.Security;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>Where a probe was when it failed: the same exception means different things at each step.</summary>
internal enum ProbeStage
{
    Connect,
    Authenticate,
    Folders,
}

/// <summary>Turns what MailKit and the network throw into what the rep is told.</summary>
internal static class ProbeFailures
{
    private const int MaxDetailLength = 300;

    public static ProbeResult Describe(Exception e, ProbeStage stage, MailSecurity security) => e switch
    {
        // Our own deadline (the caller's token is handled before we get here).
        OperationCanceledException or TimeoutException => new(ProbeStatus.TimedOut),
        SslHandshakeException => new(ProbeStatus.TlsFailed, Detail(Innermost(e))),
        AuthenticationException => new(ProbeStatus.AuthenticationFailed, Detail(e)),
        NotSupportedException when stage == ProbeStage.Connect && security == MailSecurity.StartTls => new(ProbeStatus.StartTlsNotOffered),
        NotSupportedException when stage == ProbeStage.Authenticate => new(ProbeStatus.AuthenticationNotOffered, Detail(e)),
        _ when Find<SocketException>(e) is { } socket => FromSocket(socket),
        CommandException or ProtocolException or SaslException => new(ProbeStatus.ProtocolError, Detail(e)),
        _ => new(ProbeStatus.NetworkError, Detail(e)),
    };

    private static ProbeResult FromSocket(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => new(ProbeStatus.HostNotFound),
        SocketError.ConnectionRefused => new(ProbeStatus.ConnectionRefused),
        SocketError.TimedOut => new(ProbeStatus.TimedOut),
        _ => new(ProbeStatus.NetworkError, Detail(e)),
    };

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    // First line only: MailKit appends long troubleshooting text to some messages.
    private static string Detail(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        return line.Length <= MaxDetailLength ? line : line[..MaxDetailLength] + "…";
    }
}

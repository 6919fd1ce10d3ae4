using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>APPENDs raw bytes over a plain IMAP conversation: a mail library would parse and
/// re-write a fixture first, and could not store one it cannot parse at all.</summary>
internal static class RawImapAppender
{
    public static async Task AppendAsync(string user, string folder, DateTimeOffset? internalDate, IEnumerable<byte[]> messages)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        await reader.ReadLineAsync(); // greeting
        await CommandAsync(stream, reader, "a0", $"LOGIN \"{user}\" \"{TestEnvironment.MailPassword}\"", null);
        var date = internalDate is { } d ? " \"" + d.ToString("dd-MMM-yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture) + "\"" : "";
        var tag = 1;
        foreach (var message in messages)
        {
            // LITERAL+ ({n+}): Dovecot takes the bytes without a continuation round trip.
            await CommandAsync(stream, reader, $"a{tag++}", $"APPEND \"{folder}\"{date} {{{message.Length}+}}", message);
        }

        await CommandAsync(stream, reader, "z", "LOGOUT", null);
    }

    /// <summary>CREATE with the full name in one command, as a mail client does: the levels above
    /// it exist only as hierarchy (\Noselect) unless created themselves.</summary>
    public static async Task CreateAsync(string user, string folder)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        await reader.ReadLineAsync(); // greeting
        await CommandAsync(stream, reader, "a0", $"LOGIN \"{user}\" \"{TestEnvironment.MailPassword}\"", null);
        await CommandAsync(stream, reader, "a1", $"CREATE \"{folder}\"", null);
        await CommandAsync(stream, reader, "z", "LOGOUT", null);
    }

    private static async Task CommandAsync(NetworkStream stream, StreamReader reader, string tag, string command, byte[]? literal)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{tag} {command}\r\n"));
        if (literal is not null)
        {
            await stream.WriteAsync(literal);
            await stream.WriteAsync("\r\n"u8.ToArray());
        }

        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                if (!line.StartsWith(tag + " OK", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"IMAP refused {command.Split(' ')[0]}: {line}");
                }

                return;
            }
        }
    }
}

using System.Text;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Multipart mail with attachments as mail clients write their names: RFC 2231
/// (filename*), an RFC 2047 encoded word in the quoted name, and raw 8-bit bytes of a charset
/// nobody declared (older Japanese mailers).</summary>
public static class AttachmentFixtures
{
    static AttachmentFixtures() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>One attachment: its MIME headers (bytes, may be 8-bit) and its content.</summary>
    public sealed record Part(byte[] Headers, byte[] Content);

    public static Part Rfc2231(string name, string type, byte[] content) =>
        new(Ascii($"Content-Type: {type}\r\nContent-Disposition: attachment;\r\n filename*=UTF-8''{Uri.EscapeDataString(name)}"), content);

    public static Part EncodedWord(string name, string type, byte[] content) =>
        new(Ascii($"Content-Type: {type}\r\nContent-Disposition: attachment; filename=\"{RawMail.Word("UTF-8", name)}\""), content);

    /// <summary>The name as raw bytes of <paramref name="charset"/>, quoted, with no charset declared.</summary>
    public static Part RawName(string charset, string name, string type, byte[] content) =>
        new([.. Ascii($"Content-Type: {type}\r\nContent-Disposition: attachment; filename=\""), .. Encoding.GetEncoding(charset).GetBytes(name), .. "\""u8], content);

    /// <summary>A multipart/mixed mail: a text part, then the attachments in base64.</summary>
    public static RawMail With(RawMail mail, string text, params Part[] parts)
    {
        ArgumentNullException.ThrowIfNull(mail);
        const string boundary = "=_fixture_boundary";
        using var body = new MemoryStream();
        body.Write(Ascii($"--{boundary}\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"));
        body.Write(Encoding.UTF8.GetBytes(text + "\r\n"));
        foreach (var part in parts)
        {
            body.Write(Ascii($"--{boundary}\r\n"));
            body.Write(part.Headers);
            body.Write(Ascii("\r\nContent-Transfer-Encoding: base64\r\n\r\n"));
            body.Write(Ascii(Convert.ToBase64String(part.Content, Base64FormattingOptions.InsertLineBreaks) + "\r\n"));
        }

        body.Write(Ascii($"--{boundary}--\r\n"));
        return mail.BodyBytes($"multipart/mixed; boundary=\"{boundary}\"", body.ToArray());
    }

    /// <summary>Bytes that start like a PDF and are otherwise random (a different file per seed).</summary>
    public static byte[] Pdf(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

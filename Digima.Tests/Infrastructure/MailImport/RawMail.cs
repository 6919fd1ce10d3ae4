using System.Globalization;
using System.Text;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Builds raw RFC 5322 messages byte for byte, so fixtures carry exactly the
/// encodings (and mistakes) real mail clients send.</summary>
public sealed class RawMail
{
    static RawMail() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly List<byte[]> _headers = [];
    private byte[] _body = [];

    public static RawMail Create(string from, string to, string subjectHeader, string? messageId = null, DateTimeOffset? date = null)
    {
        var mail = new RawMail();
        if (from.Length > 0)
        {
            mail.Header("From", from);
        }

        mail.Header("To", to);
        mail.Header("Subject", subjectHeader);
        mail.Header("Date", (date ?? DateTimeOffset.UtcNow).ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(29, 1));
        mail.Header("Message-ID", $"<{messageId ?? NewId()}>");
        mail.Header("MIME-Version", "1.0");
        return mail;
    }

    public static string NewId() => $"{Guid.NewGuid():N}@fixture.test";

    /// <summary>An RFC 2047 B encoded word of the text in the charset.</summary>
    public static string Word(string charset, string text) =>
        $"=?{charset}?B?{Convert.ToBase64String(Encoding.GetEncoding(charset).GetBytes(text))}?=";

    /// <summary>An ASCII header (use <see cref="Word"/> or <see cref="HeaderBytes"/> for other text).</summary>
    public RawMail Header(string name, string value) =>
        value.All(char.IsAscii) ? HeaderBytes(name, Encoding.ASCII.GetBytes(value)) : throw new ArgumentException($"{name} is not ASCII: encode it.", nameof(value));

    /// <summary>A header whose value is raw bytes (8-bit, undeclared charset).</summary>
    public RawMail HeaderBytes(string name, byte[] value)
    {
        _headers.RemoveAll(h => Encoding.ASCII.GetString(h).StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        _headers.Add([.. Encoding.ASCII.GetBytes(name + ": "), .. value]);
        return this;
    }

    public RawMail Without(string name)
    {
        _headers.RemoveAll(h => Encoding.ASCII.GetString(h).StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return this;
    }

    /// <summary>A single text part in the charset, sent as 8bit (or 7bit for ISO-2022-JP).</summary>
    public RawMail Text(string charset, string text, string subtype = "plain")
    {
        Header("Content-Type", $"text/{subtype}; charset={charset}");
        Header("Content-Transfer-Encoding", charset.Equals("iso-2022-jp", StringComparison.OrdinalIgnoreCase) ? "7bit" : "8bit");
        _body = Encoding.GetEncoding(charset).GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));
        return this;
    }

    /// <summary>A single 8bit text part encoded with one charset and labelled with another name
    /// of it, as Outlook ("windows-31j") or Unix mailers ("eucjp") write it.</summary>
    public RawMail TextLabelled(string label, string encodeWith, string text)
    {
        Header("Content-Type", $"text/plain; charset={label}");
        Header("Content-Transfer-Encoding", encodeWith.Equals("iso-2022-jp", StringComparison.OrdinalIgnoreCase) ? "7bit" : "8bit");
        _body = Encoding.GetEncoding(encodeWith).GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));
        return this;
    }

    /// <summary>A body written as is (multipart fixtures, broken structures).</summary>
    public RawMail Body(string contentType, string body)
    {
        Header("Content-Type", contentType);
        _body = Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        return this;
    }

    /// <summary>A body given as bytes (8-bit headers of parts, binary fixtures), CRLF line ends as given.</summary>
    public RawMail BodyBytes(string contentType, byte[] body)
    {
        Header("Content-Type", contentType);
        _body = body;
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        foreach (var header in _headers)
        {
            stream.Write(header);
            stream.Write("\r\n"u8);
        }

        stream.Write("\r\n"u8);
        stream.Write(_body);
        return stream.ToArray();
    }
}

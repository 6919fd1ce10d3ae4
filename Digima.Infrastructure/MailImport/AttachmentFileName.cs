using System.Text;
using Digima.Core.Attachments;
using MimeKit;

namespace Digima.Infrastructure.MailImport;

/// <summary>The name of an attachment of received mail. MimeKit decodes RFC 2231 (filename*) and
/// encoded words; a name written as raw 8-bit bytes with no charset (older Japanese mailers) it
/// reads as UTF-8, else as the parser's fallback Shift_JIS, which garbles EUC-JP. Those bytes are
/// read here from the raw header instead: UTF-8 if they are valid UTF-8, EUC-JP if valid EUC-JP
/// (its bytes are all 0xA1-0xFE, where Shift_JIS kana and kanji start at 0x81), else Shift_JIS.</summary>
internal static class AttachmentFileName
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictEucJp = CodePage(51932, DecoderFallback.ExceptionFallback);
    private static readonly Encoding ShiftJis = CodePage(932, DecoderFallback.ReplacementFallback);

    public static string Of(MimeEntity entity)
    {
        var name = entity switch
        {
            MessagePart { Message: { } inner } => (inner.Subject is { Length: > 0 } s ? s : "message") + ".eml",
            MimePart part => Raw(part, HeaderId.ContentDisposition, "filename") ?? part.FileName
                ?? Raw(part, HeaderId.ContentType, "name") ?? part.ContentType.Name,
            _ => entity.ContentDisposition?.FileName,
        };
        return SafeFileName.From(name);
    }

    /// <summary>The parameter's value when the header holds undeclared 8-bit bytes; else null (MimeKit's reading stands).</summary>
    private static string? Raw(MimeEntity entity, HeaderId id, string parameter)
    {
        var index = entity.Headers.IndexOf(id);
        if (index < 0 || entity.Headers[index] is not { } header || !header.RawValue.Any(b => b >= 0x80))
        {
            return null;
        }

        return ValueBytes(header.RawValue, Encoding.ASCII.GetBytes(parameter + "=")) is { Length: > 0 } bytes ? Decode(bytes) : null;
    }

    internal static string Decode(byte[] bytes)
    {
        foreach (var strict in new[] { StrictUtf8, StrictEucJp })
        {
            try
            {
                return strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Not this charset: try the next.
            }
        }

        return ShiftJis.GetString(bytes);
    }

    private static Encoding CodePage(int codePage, DecoderFallback fallback)
    {
        Database.EncodingSetup.RegisterCodePages();
        return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, fallback);
    }

    /// <summary>The bytes of <c>name=value</c> or <c>name="value"</c> (not <c>name*=</c>, which is RFC 2231 and MimeKit's).</summary>
    private static byte[]? ValueBytes(byte[] raw, byte[] key)
    {
        for (var at = IndexOf(raw, key, 0); at >= 0; at = IndexOf(raw, key, at + 1))
        {
            if (at > 0 && raw[at - 1] is not ((byte)';' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                continue;
            }

            var start = at + key.Length;
            var value = new List<byte>();
            if (start < raw.Length && raw[start] == '"')
            {
                for (var i = start + 1; i < raw.Length && raw[i] != '"'; i++)
                {
                    if (raw[i] == '\\' && i + 1 < raw.Length)
                    {
                        i++;
                    }

                    if (raw[i] is not ((byte)'\r' or (byte)'\n'))
                    {
                        value.Add(raw[i]);
                    }
                }
            }
            else
            {
                for (var i = start; i < raw.Length && raw[i] is not ((byte)';' or (byte)'\r' or (byte)'\n'); i++)
                {
                    value.Add(raw[i]);
                }
            }

            return [.. value];
        }

        return null;
    }

    private static int IndexOf(byte[] raw, byte[] key, int from)
    {
        for (var i = from; i <= raw.Length - key.Length; i++)
        {
            var match = true;
            for (var k = 0; k < key.Length && match; k++)
            {
                match = char.ToLowerInvariant((char)raw[i + k]) == char.ToLowerInvariant((char)key[k]);
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}

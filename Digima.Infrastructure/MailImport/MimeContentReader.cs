using System.Text;
using Digima.Core.Attachments;
using Digima.Core.MailImport;
using MimeKit;
using AngleSharp.Html.Parser;
using Digima.Infrastructure.Database;

namespace Digima.Infrastructure.MailImport;

/// <summary>Reads one raw message into what the app keeps. MimeKit is lenient (missing
/// boundaries, unknown charsets, broken encoded words, 8-bit headers all give readable text);
/// only what it cannot parse at all comes back as an error, never as an exception.</summary>
internal sealed class MimeContentReader(MailHtmlSanitizer sanitizer, AttachmentOptions attachmentOptions)
{
    private const int SnippetLength = 160;
    private const int MaxBodyChars = 1_000_000;

    // Undeclared 8-bit headers in Japanese mail are mostly Shift_JIS when they are not UTF-8
    // (MimeKit tries UTF-8 first and falls back to this).
    private static readonly ParserOptions Options = CreateOptions();

    /// <summary>Reads a message held in memory (CPU only, safe to call from several threads at once).</summary>
    public (MailContent? Content, string? Error) Read(uint uid, Stream stream, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(Options, stream, cancellationToken);
        }
        catch (FormatException e)
        {
            return (null, "MIME: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not IOException)
        {
            return (null, $"MIME: {e.GetType().Name}: {e.Message}");
        }

        try
        {
            return (Read(uid, message), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Hostile input may trip any corner of a parser or the sanitizer: whatever it is, this
            // one message is skipped with the reason, and the batch (and every later sync) goes on.
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private MailContent Read(uint uid, MimeMessage message)
    {
        var text = Limit(message.TextBody is { Length: > 0 } body ? body : RawTextOfEmptyMultipart(message));
        var html = message.HtmlBody is { Length: > 0 } raw ? sanitizer.Sanitize(Limit(raw)) : null;
        var snippetSource = text.Length > 0 ? text : html is null ? "" : TextOf(html);
        var (attachments, files) = ImportedAttachments.Read(message, attachmentOptions.ImportMaxBytesPerMail);
        return new MailContent(
            uid,
            message.Subject ?? "",
            ImapSummaries.Parties(message.From).FirstOrDefault(),
            ImapSummaries.Parties(message.To),
            ImapSummaries.Parties(message.Cc),
            message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
            text,
            html,
            Snippet(snippetSource),
            attachments)
        {
            Files = files,
        };
    }

    /// <summary>A multipart mail whose boundary never appears has no parts: everything the sender
    /// wrote is in its preamble (and epilogue). Shown as it is rather than as an empty mail.</summary>
    private static string RawTextOfEmptyMultipart(MimeMessage message) =>
        message.Body is Multipart { Count: 0 } empty ? (empty.Preamble + empty.Epilogue).Trim() : "";

    private static string Snippet(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= SnippetLength ? collapsed : collapsed[..SnippetLength];
    }

    private static string TextOf(string html) => new HtmlParser().ParseDocument(html).Body?.TextContent ?? "";

    private static string Limit(string text) => text.Length <= MaxBodyChars ? text : text[..MaxBodyChars];

    private static ParserOptions CreateOptions()
    {
        EncodingSetup.RegisterCodePages();
        return new ParserOptions { CharsetEncoding = Encoding.GetEncoding("shift_jis") };
    }
}

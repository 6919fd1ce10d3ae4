using System.Net;
using System.Text;
using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Core.Tracking;
using Digima.Infrastructure.Tracking;
using MimeKit;

namespace Digima.Infrastructure.Sending;

/// <summary>Builds the MIME message of an outgoing mail: From the rep, UTF-8 encoded words for
/// Japanese subjects and names (MimeKit's default), the stored Message-ID, and
/// multipart/alternative with the text as typed and an escaped HTML rendering of it, which
/// carries the tracking image and links when <paramref name="tracking"/> is given. With attachments
/// that pair goes first in a multipart/mixed, each file after it base64-encoded, its name as an
/// RFC 2231 UTF-8 parameter (<c>filename*=utf-8''...</c>), which every current mail client reads
/// and which, unlike encoded words in a parameter, is the standard.</summary>
internal static class MailMessageFactory
{
    /// <param name="date">The Date header: the moment the mail is handed to the server (the copy in
    /// Sent: the same moment, as recorded), never when it was written or scheduled.</param>
    public static MimeMessage Create(
        MailboxConnection mailbox, OutgoingMail mail, DateTimeOffset date, TrackingMarkup? tracking = null, IReadOnlyList<MailAttachment>? attachments = null)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Date = date,
            Subject = mail.Subject,
        };
        message.From.Add(new MailboxAddress(mailbox.SenderName, mailbox.SenderAddress));
        message.To.AddRange(mail.RecipientsOf(RecipientKind.To).Select(Address));
        message.Cc.AddRange(mail.RecipientsOf(RecipientKind.Cc).Select(Address));
        message.Bcc.AddRange(mail.RecipientsOf(RecipientKind.Bcc).Select(Address));
        message.Headers.Add(HeaderId.XMailer, "Digima Mail");
        // Survives a relay that rewrites Message-ID: its copy in Sent still names this mail.
        message.Headers.Add(MessageIds.OurHeader, "<" + mail.MessageId + ">");
        if (mail.ThreadIndex is { } index)
        {
            message.Headers.Add("Thread-Index", Digima.Core.Timeline.Threads.ThreadIndex.Format(index));
            message.Headers.Add("Thread-Topic", ReplyDraft.StripReplyPrefixes(mail.Subject));
        }
        if (mail.InReplyTo is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in mail.ReferencesHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            message.References.Add(reference);
        }

        var text = new BodyBuilder { TextBody = mail.BodyText, HtmlBody = Html(mail.BodyText, tracking) }.ToMessageBody();
        if (attachments is not { Count: > 0 })
        {
            message.Body = text;
            return message;
        }

        var mixed = new Multipart("mixed") { text };
        foreach (var attachment in attachments)
        {
            mixed.Add(Part(attachment));
        }

        message.Body = mixed;
        return message;
    }

    /// <summary>The content is the spooled stream itself, read as the message is written.</summary>
    private static MimePart Part(MailAttachment attachment)
    {
        var part = new MimePart(ContentType.TryParse(attachment.ContentType, out var type) ? type : new ContentType("application", "octet-stream"))
        {
            Content = new MimeContent(attachment.Content),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
        foreach (var parameter in part.ContentDisposition.Parameters.Concat(part.ContentType.Parameters).Where(p => p.Name is "filename" or "name"))
        {
            parameter.EncodingMethod = ParameterEncodingMethod.Rfc2231;
            parameter.Encoding = Encoding.UTF8;
        }

        return part;
    }

    private static MailboxAddress Address(OutgoingRecipient recipient) => new(recipient.DisplayName, recipient.Email);

    /// <summary>The text, HTML-escaped, with line breaks kept and bare URLs made clickable (through
    /// their tracking address when click tracking is on; the shown text stays the original URL).</summary>
    internal static string Html(string text, TrackingMarkup? tracking = null)
    {
        var html = new StringBuilder("<div style=\"font-family: 'Hiragino Sans', Meiryo, sans-serif; font-size: 14px; line-height: 1.6;\">");
        var last = 0;
        var links = MailLinks.Find(text);
        for (var i = 0; i < links.Count; i++)
        {
            var (index, length, url) = links[i];
            html.Append(Escape(text[last..index]));
            var href = WebUtility.HtmlEncode(tracking?.LinkUrls is { } rewritten ? rewritten[i] : url);
            html.Append("<a href=\"").Append(href).Append("\">").Append(WebUtility.HtmlEncode(url)).Append("</a>");
            last = index + length;
        }

        html.Append(Escape(text[last..]));
        if (tracking?.PixelUrl is { } pixel)
        {
            html.Append("<img src=\"").Append(WebUtility.HtmlEncode(pixel))
                .Append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px;\">");
        }

        return html.Append("</div>").ToString();
    }

    private static string Escape(string text) =>
        WebUtility.HtmlEncode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>\n", StringComparison.Ordinal);
}

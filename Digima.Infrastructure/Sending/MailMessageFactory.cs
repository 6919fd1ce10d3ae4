using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using MimeKit;

namespace Digima.Infrastructure.Sending;

/// <summary>Builds the MIME message of an outgoing mail: From the rep, UTF-8 encoded words for
/// Japanese subjects and names (MimeKit's default), the stored Message-ID, and
/// multipart/alternative with the text as typed and an escaped HTML rendering of it.</summary>
internal static partial class MailMessageFactory
{
    public static MimeMessage Create(MailboxConnection mailbox, OutgoingMail mail)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Date = mail.CreatedAt,
            Subject = mail.Subject,
        };
        message.From.Add(new MailboxAddress(mailbox.SenderName, mailbox.SenderAddress));
        message.To.AddRange(mail.RecipientsOf(RecipientKind.To).Select(Address));
        message.Cc.AddRange(mail.RecipientsOf(RecipientKind.Cc).Select(Address));
        message.Bcc.AddRange(mail.RecipientsOf(RecipientKind.Bcc).Select(Address));
        message.Headers.Add(HeaderId.XMailer, "Digima Mail");
        if (mail.InReplyTo is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in mail.ReferencesHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            message.References.Add(reference);
        }

        message.Body = new BodyBuilder { TextBody = mail.BodyText, HtmlBody = Html(mail.BodyText) }.ToMessageBody();
        return message;
    }

    private static MailboxAddress Address(OutgoingRecipient recipient) => new(recipient.DisplayName, recipient.Email);

    /// <summary>The text, HTML-escaped, with line breaks kept and bare URLs made clickable.</summary>
    internal static string Html(string text)
    {
        var html = new StringBuilder("<div style=\"font-family: 'Hiragino Sans', Meiryo, sans-serif; font-size: 14px; line-height: 1.6;\">");
        var last = 0;
        foreach (Match url in UrlPattern().Matches(text))
        {
            html.Append(Escape(text[last..url.Index]));
            var href = WebUtility.HtmlEncode(url.Value);
            html.Append("<a href=\"").Append(href).Append("\">").Append(href).Append("</a>");
            last = url.Index + url.Length;
        }

        html.Append(Escape(text[last..])).Append("</div>");
        return html.ToString();
    }

    private static string Escape(string text) =>
        WebUtility.HtmlEncode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>\n", StringComparison.Ordinal);

    [GeneratedRegex(@"https?://[^\s<>""）」、。]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}

using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Infrastructure.Sending;
using Digima.Infrastructure.Tracking;
using MimeKit;

namespace Digima.Tests.Infrastructure.Sending;

public sealed class MailMessageFactoryTests
{
    private static readonly MailboxConnection Mailbox = new(
        1, "sato@digima.test", "佐藤 健太",
        new MailServerLogin("127.0.0.1", 25, MailSecurity.None, "sato@digima.test", "x"),
        new MailServerLogin("127.0.0.1", 143, MailSecurity.None, "sato@digima.test", "x"),
        true, "Sent");

    [Fact]
    public void Create_JapaneseSubjectAndNames_EncodedWordsAndAlternativeParts()
    {
        var message = MailMessageFactory.Create(Mailbox, Mail("【ご案内】新製品のお見積りについて", "山田様\n<script>alert(1)</script>\nhttps://example.co.jp/a?b=1&c=2"), HandedOver);
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var raw = System.Text.Encoding.ASCII.GetString(stream.ToArray());
        var reparsed = MimeMessage.Load(new MemoryStream(stream.ToArray()));

        Assert.Matches(@"(?m)^Subject: =\?utf-8\?[bq]\?", raw);
        Assert.Matches(@"(?m)^From: =\?utf-8\?[bq]\?.*<sato@digima\.test>", raw);
        Assert.Equal("【ご案内】新製品のお見積りについて", reparsed.Subject);
        Assert.Equal("佐藤 健太", reparsed.From.Mailboxes.Single().Name);
        Assert.Equal("digima.1.abc@digima.test", reparsed.MessageId);
        Assert.Equal("multipart/alternative", reparsed.Body!.ContentType.MimeType);
        Assert.Contains("<script>", reparsed.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", reparsed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", reparsed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.co.jp/a?b=1&amp;c=2\">", reparsed.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WrittenEarlier_DatedWhenHandedOver()
    {
        var message = MailMessageFactory.Create(Mailbox, Mail("件名", "本文"), HandedOver);

        Assert.Equal(HandedOver, message.Date);
    }

    [Fact]
    public void Create_Recipients_InTheirHeaders()
    {
        var message = MailMessageFactory.Create(Mailbox, Mail("件名", "本文"), HandedOver);

        Assert.Equal(["to@x.test"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["cc@x.test"], message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(["bcc@x.test"], message.Bcc.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Create_Reply_CarriesInReplyToAndReferences()
    {
        var message = MailMessageFactory.Create(Mailbox, Mail("Re: 件名", "本文") with { InReplyTo = "orig@x.test", ReferencesHeader = "root@x.test orig@x.test" }, HandedOver);

        Assert.Equal("orig@x.test", message.InReplyTo);
        Assert.Equal(["root@x.test", "orig@x.test"], message.References);
    }

    [Fact]
    public void Create_WithAttachments_MixedWithBase64PartsAndRfc2231Utf8Names()
    {
        var pdf = System.Security.Cryptography.RandomNumberGenerator.GetBytes(70_001);
        var tracking = new TrackingMarkup("https://track.digima.test/t/o/pixel", null);
        var message = MailMessageFactory.Create(Mailbox, Mail("件名", "本文"), HandedOver, tracking,
        [
            new MailAttachment("御見積書_2026年度.pdf", "application/pdf", new MemoryStream(pdf)),
            new MailAttachment("memo.txt", "text/plain", new MemoryStream("メモ"u8.ToArray())),
        ]);
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var raw = System.Text.Encoding.ASCII.GetString(stream.ToArray());
        var reparsed = MimeMessage.Load(new MemoryStream(stream.ToArray()));

        Assert.Matches(@"filename\*(0\*)?=utf-8''%E5%BE%A1", raw);
        Assert.DoesNotContain("=?utf-8?", raw[raw.IndexOf("application/pdf", StringComparison.Ordinal)..], StringComparison.OrdinalIgnoreCase);
        var mixed = Assert.IsType<Multipart>(reparsed.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal("multipart/alternative", mixed[0].ContentType.MimeType);
        Assert.Contains("https://track.digima.test/t/o/pixel", reparsed.HtmlBody, StringComparison.Ordinal);
        var parts = reparsed.Attachments.Cast<MimePart>().ToList();
        Assert.Equal(["御見積書_2026年度.pdf", "memo.txt"], parts.Select(p => p.FileName));
        Assert.All(parts, p => Assert.Equal(ContentEncoding.Base64, p.ContentTransferEncoding));
        Assert.All(parts, p => Assert.True(p.ContentDisposition!.IsAttachment));
        using var decoded = new MemoryStream();
        parts[0].Content!.DecodeTo(decoded);
        Assert.Equal(pdf, decoded.ToArray());
    }

    // Later than the mail's CreatedAt: the header must not be the time it was written.
    private static readonly DateTimeOffset HandedOver = new(2026, 11, 27, 9, 31, 12, TimeSpan.Zero);

    private static OutgoingMail Mail(string subject, string body) => new()
    {
        MessageId = "digima.1.abc@digima.test",
        Subject = subject,
        BodyText = body,
        CreatedAt = new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero),
        Recipients =
        [
            new OutgoingRecipient(RecipientKind.To, 1, "to@x.test", "宛先 太郎"),
            new OutgoingRecipient(RecipientKind.Cc, 2, "cc@x.test", "写し 花子"),
            new OutgoingRecipient(RecipientKind.Bcc, 3, "bcc@x.test", "隠し 次郎"),
        ],
    };
}

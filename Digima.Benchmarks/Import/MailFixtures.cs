using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Digima.Benchmarks.Import;

/// <summary>One fixture: the folder it goes to, the message and its delivery date.</summary>
internal sealed record Fixture(bool Sent, MimeMessage Message, DateTimeOffset Date, bool WithCustomer);

/// <summary>A rep's mailbox as Japanese business mail looks: UTF-8 and ISO-2022-JP subjects and
/// bodies, HTML with inline and remote images, a few attachments, reply chains. Half the
/// messages are exchanged with a registered customer, the rest with private addresses (which the
/// import must read as summaries but never store). One in ten is in Sent. Fixed seed.</summary>
internal sealed class MailFixtures(string repAddress, IReadOnlyList<string> customerAddresses, int seed)
{
    private static readonly string[] Topics = ["お見積りの件", "打ち合わせ日程のご相談", "資料送付のご案内", "ご契約内容の確認", "請求書について", "新製品のご紹介", "納期のご連絡", "定例会議の議事録"];
    private static readonly string[] Lines =
    [
        "いつも大変お世話になっております。", "先日はお忙しいところお時間をいただき、誠にありがとうございました。",
        "ご依頼いただいておりました件につきまして、下記の通りご連絡いたします。", "ご不明な点がございましたら、お気軽にお問い合わせください。",
        "来週の火曜日か水曜日でご都合のよい時間帯をお知らせいただけますでしょうか。", "添付の資料をご確認のうえ、ご検討のほどよろしくお願いいたします。",
        "今後ともどうぞよろしくお願い申し上げます。", "①数量：１２０個　②単価：３，８００円（税抜）　③納期：受注後２週間",
    ];

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly Random _random = new(seed);
    private readonly Encoding _iso2022 = Iso2022Jp();

    // .NET Core ships only the Unicode encodings; ISO-2022-JP comes with the code pages provider.
    private static Encoding Iso2022Jp()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("iso-2022-jp");
    }

    public IEnumerable<Fixture> Generate(int count, DateTimeOffset now)
    {
        MimeMessage? previous = null;
        for (var i = 0; i < count; i++)
        {
            var sent = i % 10 == 9;
            // Alternating blocks of ten, so Sent (every tenth) also holds both kinds.
            var withCustomer = i / 10 % 2 == 0;
            var other = withCustomer
                ? customerAddresses[_random.Next(customerAddresses.Count)]
                : $"friend{_random.Next(500)}@private-mail.example";
            // Spread over the last 29 days, oldest first, as a mailbox fills.
            var date = now.AddDays(-29).AddSeconds(29.0 * 86_400 * i / count + _random.Next(60));
            var message = Build(i, sent ? repAddress : other, sent ? other : repAddress, date);
            // Every third message answers the one before it: threads span customer and private mail alike.
            if (i % 3 == 2 && previous?.MessageId is { } parentId)
            {
                message.InReplyTo = parentId;
                message.References.AddRange(previous.References);
                message.References.Add(parentId);
                message.Subject = "Re: " + previous.Subject;
            }

            previous = message;
            yield return new Fixture(sent, message, date, withCustomer);
        }
    }

    private MimeMessage Build(int i, string from, string to, DateTimeOffset date)
    {
        var message = new MimeMessage { Date = date, MessageId = $"bench-{i}-{seed}@digima.test" };
        message.From.Add(new MailboxAddress("送信者 " + (i % 97), from));
        message.To.Add(new MailboxAddress("宛先", to));
        var subject = $"{Topics[_random.Next(Topics.Length)]}（No.{i}）";
        var body = string.Join("\n", Enumerable.Range(0, 4 + _random.Next(12)).Select(_ => Lines[_random.Next(Lines.Length)]));
        switch (i % 4)
        {
            case 0: // Classic Japanese mail: ISO-2022-JP, 7bit.
                message.Headers.Replace(HeaderId.Subject, _iso2022, subject);
                var jis = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.SevenBit };
                jis.SetText(_iso2022, body);
                message.Body = jis;
                break;
            case 2: // HTML newsletter style: alternative text, inline PNG, a remote image.
                message.Subject = subject;
                var builder = new BodyBuilder { TextBody = body };
                var image = builder.LinkedResources.Add("logo.png", Png, new ContentType("image", "png"));
                image.ContentId = $"logo{i}@digima.test";
                builder.HtmlBody = $"<html><body><img src=\"cid:{image.ContentId}\"><p>{body.Replace("\n", "<br>", StringComparison.Ordinal)}</p>"
                    + "<img src=\"https://tracker.example/open.gif\"></body></html>";
                message.Body = builder.ToMessageBody();
                break;
            default: // UTF-8, some with an attachment (a few percent of the mailbox).
                message.Subject = subject;
                var utf8 = new BodyBuilder { TextBody = body };
                if (i % 20 == 3)
                {
                    var data = new byte[20_000 + _random.Next(40_000)];
                    _random.NextBytes(data);
                    utf8.Attachments.Add("見積書.pdf", data, new ContentType("application", "pdf"));
                }

                message.Body = utf8.ToMessageBody();
                break;
        }

        return message;
    }
}

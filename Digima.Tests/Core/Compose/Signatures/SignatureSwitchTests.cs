using Digima.Core.Compose;
using Digima.Core.Compose.Signatures;

namespace Digima.Tests.Core.Compose.Signatures;

public sealed class SignatureSwitchTests
{
    private const string Signature = "━━━━━━━━━━\n{{送信者名}}\n株式会社デジマ 営業部\n━━━━━━━━━━";

    private static readonly string Quote = ReplyDraft.QuotedBody("先日の件、承知しました。\n山田", "山田 花子", "hanako@example.test", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Start_NewMail_SignatureOnceAfterBlankLine()
    {
        var sw = new SignatureSwitch(Signature, null);

        var body = sw.Start("", insert: true);

        Assert.Equal("\n\n" + Signature, body);
        Assert.True(sw.IsOn);
        Assert.Equal(body, sw.Start(body, insert: true));
    }

    [Fact]
    public void Start_Reply_SignatureAboveQuoteOnce()
    {
        var sw = new SignatureSwitch(Signature, Quote);

        var body = sw.Start(Quote, insert: true);

        Assert.Equal("\n\n" + Signature + Quote, body);
        // Re-opened with the signature already there: not a second one.
        Assert.Equal(body, new SignatureSwitch(Signature, Quote).Start(body, insert: true));
    }

    [Fact]
    public void Start_ReplyToOwnMailQuotingTheSignature_StillInsertedAboveQuote()
    {
        var quote = ReplyDraft.QuotedBody("お世話になっております。\n\n山田", "営業", "rep@example.test", DateTimeOffset.UnixEpoch);
        var sw = new SignatureSwitch("山田", quote);

        Assert.Equal("\n\n山田" + quote, sw.Start(quote, insert: true));
    }

    [Fact]
    public void Start_Duplicate_KeepsBodyAndShowsWhetherItHasTheSignature()
    {
        var withSignature = "ご案内です。\n\n" + Signature;

        var sw = new SignatureSwitch(Signature, null);
        Assert.Equal(withSignature, sw.Start(withSignature, insert: false));
        Assert.True(sw.IsOn);

        var without = new SignatureSwitch(Signature, null);
        Assert.Equal("ご案内です。", without.Start("ご案内です。", insert: false));
        Assert.False(without.IsOn);
    }

    [Fact]
    public void Switch_OffThenOn_RemovesAndRestoresWithoutTouchingTypedText()
    {
        var sw = new SignatureSwitch(Signature, null);
        var body = "いつもお世話になっております。\n見積書をお送りします。" + sw.Start("", insert: true);

        var off = sw.Switch(body, on: false);
        Assert.Equal("いつもお世話になっております。\n見積書をお送りします。", off.Body);
        Assert.False(off.LeftEdited);
        Assert.False(sw.IsOn);

        var on = sw.Switch(off.Body + "\nよろしくお願いいたします。", on: true);
        Assert.Equal("いつもお世話になっております。\n見積書をお送りします。\nよろしくお願いいたします。\n\n" + Signature, on.Body);
        Assert.True(sw.IsOn);
    }

    [Fact]
    public void Switch_OffThenOnInReply_SignatureBackAboveQuote()
    {
        var sw = new SignatureSwitch(Signature, Quote);
        var body = "承知しました。" + sw.Start(Quote, insert: true);

        var off = sw.Switch(body, on: false).Body;
        Assert.Equal("承知しました。" + Quote, off);
        Assert.Equal(body, sw.Switch(off, on: true).Body);
    }

    [Fact]
    public void Switch_OffAfterRepEditedSignature_KeepsTextAndSaysSo()
    {
        var sw = new SignatureSwitch(Signature, null);
        var body = sw.Start("", insert: true).Replace("営業部", "営業二部", StringComparison.Ordinal);
        Assert.True(sw.IsEdited(body));

        var off = sw.Switch(body, on: false);

        Assert.Equal(body, off.Body);
        Assert.True(off.LeftEdited);
    }

    [Fact]
    public void Switch_NoSignature_NothingChanges()
    {
        var sw = new SignatureSwitch("  \r\n ", null);

        Assert.False(sw.HasSignature);
        Assert.Equal("本文", sw.Start("本文", insert: true));
        Assert.Equal("本文", sw.Switch("本文", on: true).Body);
        Assert.False(sw.IsOn);
    }

    [Fact]
    public void AfterTemplate_TemplateAlreadyHasSignature_NotASecondOne()
    {
        var sw = new SignatureSwitch(Signature, Quote);
        sw.Start(Quote, insert: true);
        var template = "{{姓}}様\n\nご案内です。\n\n" + Signature;

        Assert.Equal(template, sw.AfterTemplate(template));
        Assert.Equal("ご案内です。\n\n" + Signature, sw.AfterTemplate("ご案内です。"));
    }

    [Theory]
    [InlineData("\r\n山田 太郎  \r\nTEL 03-0000-0000\r\n\r\n", "山田 太郎\nTEL 03-0000-0000")]
    [InlineData("一行目\r二行目", "一行目\n二行目")]
    [InlineData(null, "")]
    public void Normalize_LineEndingsAndBlankEdges(string? typed, string expected) =>
        Assert.Equal(expected, SignatureBlock.Normalize(typed));
}

using Digima.Core.Compose;

namespace Digima.Tests.Core.Compose;

public sealed class SpamGuidanceTests
{
    private const string NormalBody = "佐藤様\n\nいつもお世話になっております。先日のお打ち合わせの件で、見積書をお送りいたします。ご確認のほどよろしくお願いいたします。";

    [Fact]
    public void Check_OrdinaryMail_NoWarnings()
    {
        Assert.Empty(SpamGuidance.Check("お見積りの件", NormalBody + "\nhttps://www.example.co.jp/quote", 1));
    }

    [Theory]
    [InlineData("【重要】【緊急】ご確認ください", SpamWarning.ShoutySubject)]
    [InlineData("今すぐ確認!!", SpamWarning.ShoutySubject)]
    [InlineData("FREE OFFER INSIDE", SpamWarning.ShoutySubject)]
    public void Check_ShoutySubject_Warned(string subject, SpamWarning expected)
    {
        Assert.Contains(expected, SpamGuidance.Check(subject, NormalBody, 1));
    }

    [Fact]
    public void Check_LinkOnlyBody_Warned()
    {
        Assert.Contains(SpamWarning.ShortOrLinkOnlyBody, SpamGuidance.Check("資料", "https://example.com/a", 1));
    }

    [Fact]
    public void Check_Shortener_Warned()
    {
        Assert.Contains(SpamWarning.UrlShortener, SpamGuidance.Check("資料", NormalBody + " https://bit.ly/3xYz", 1));
    }

    [Fact]
    public void Check_LinkTextShowsOtherDomain_Warned()
    {
        var body = NormalBody + "\n[www.mybank.co.jp](https://evil.example.net/login)";

        Assert.Contains(SpamWarning.MismatchedLinkText, SpamGuidance.Check("資料", body, 1));
    }

    [Fact]
    public void Check_ElevenRecipients_Warned()
    {
        Assert.Contains(SpamWarning.ManyRecipients, SpamGuidance.Check("資料", NormalBody, 11));
        Assert.DoesNotContain(SpamWarning.ManyRecipients, SpamGuidance.Check("資料", NormalBody, 10));
    }
}

using Digima.Core.Compose;
using static Digima.Tests.Core.Compose.RecipientWarningsTests;

namespace Digima.Tests.Core.Compose;

public sealed class SalutationRuleTests
{
    [Theory]
    [InlineData("山田様\n\nいつもお世話になっております。")]
    [InlineData("株式会社ABC 営業部\n山田 太郎 様")]
    [InlineData("\n  山田様、佐藤様\n本文")]
    [InlineData("ヤマダ様")]
    [InlineData("ご担当者様\n本文")]
    [InlineData("お客様各位")]
    [InlineData("皆様、いつもありがとうございます。")]
    [InlineData("いつもお世話になっております。")]
    [InlineData("平素より様々なご支援をいただき、ありがとうございます。")]
    [InlineData("佐藤さんからご紹介いただきました。")]
    [InlineData("太郎様")]
    [InlineData("ABC商事様")]
    [InlineData("")]
    public void Check_SalutationOfFirstToOrNone_NoWarning(string body)
    {
        Assert.Null(SalutationRule.Check(body, Recipients()));
    }

    [Fact]
    public void Check_AnotherRecipientsName_WarnsWithThatNameAndAddress()
    {
        var recipients = Recipients();

        var warning = SalutationRule.Check("佐藤様\n\nお世話になっております。", recipients);

        Assert.NotNull(warning);
        Assert.Equal(RecipientWarningKind.SalutationMismatch, warning.Kind);
        Assert.Equal(["佐藤", "山田 太郎"], warning.Names);
        Assert.Equal([recipients[1].Recipient.Email], warning.Addresses);
    }

    [Theory]
    [InlineData("鈴木様", "鈴木")]
    [InlineData("株式会社XYZ 鈴木 様\n本文", "鈴木")]
    [InlineData("鈴木さん、こんにちは。", "鈴木")]
    public void Check_TypedNameOfNobodyHere_WarnsWithTypedName(string body, string written)
    {
        var warning = SalutationRule.Check(body, Recipients());

        Assert.NotNull(warning);
        Assert.Equal(written, warning.Names[0]);
    }

    [Fact]
    public void Check_FirstToWithoutLastName_NotChecked()
    {
        Assert.Null(SalutationRule.Check("鈴木様", [To("", "abc.co.jp")]));
    }

    private static IReadOnlyList<RecipientFacts> Recipients() =>
    [
        Facts(RecipientKind.To, "山田", "abc.co.jp", "ABC商事", "太郎") is var first
            ? first with { Customer = first.Customer! with { LastNameKana = "ヤマダ" } }
            : first,
        Cc("佐藤", "abc.co.jp", "ABC商事"),
    ];
}

using Digima.Core.Compose;
using Digima.Core.Customers;

namespace Digima.Tests.Core.Compose;

public sealed class MergeFieldRendererTests
{
    private static readonly Customer Sato = new()
    {
        LastName = "佐藤",
        FirstName = "太郎",
        LastNameKana = "サトウ",
        Email = "t.sato@sakura.test",
        Company = "株式会社さくら精機",
        Title = "",
    };

    [Fact]
    public void Render_KnownTokens_FilledFromRecipientAndSender()
    {
        var result = MergeFieldRenderer.Render("{{会社名}}\n{{姓}} {{名}} 様 ({{メールアドレス}})\n{{送信者名}}", Sato, "鈴木 美咲");

        Assert.True(result.IsComplete);
        Assert.Equal("株式会社さくら精機\n佐藤 太郎 様 (t.sato@sakura.test)\n鈴木 美咲", result.Text);
    }

    [Fact]
    public void Render_EnglishTokens_FilledLikeTheJapaneseOnes_InAnyCase()
    {
        var english = MergeFieldRenderer.Render("{{Company}}\n{{LastName}} {{firstname}} 様 ({{EMAIL}})\n{{SenderName}}", Sato, "鈴木 美咲");
        var mixed = MergeFieldRenderer.Render("{{LastName}} {{名}} / ｛｛Company｝｝", Sato, "鈴木");

        Assert.True(english.IsComplete);
        Assert.Equal("株式会社さくら精機\n佐藤 太郎 様 (t.sato@sakura.test)\n鈴木 美咲", english.Text);
        Assert.Equal("佐藤 太郎 / 株式会社さくら精機", mixed.Text);
    }

    [Fact]
    public void Fields_EachHasOneJapaneseAndOneEnglishName_NoNameShared()
    {
        var names = MergeFields.All.SelectMany(f => new[] { f.Name, f.EnglishName.ToLowerInvariant() }).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(MergeFields.All, f => Assert.Same(f, MergeFields.Find(f.EnglishName)));
        Assert.Equal("{{LastName}}", MergeFields.Find("姓")!.TokenFor("en"));
        Assert.Equal("{{姓}}", MergeFields.Find("姓")!.TokenFor("ja"));
    }

    [Fact]
    public void Render_EmptyField_ReportedOnce_TokenRemovedNotSentRaw()
    {
        var result = MergeFieldRenderer.Render("{{役職}} {{姓}}様 / {{役職}} / {{メイ}}", Sato, "鈴木");

        Assert.Equal(["役職", "メイ"], result.EmptyFields);
        Assert.False(result.IsComplete);
        Assert.DoesNotContain("{{", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownToken_Reported()
    {
        var result = MergeFieldRenderer.Render("{{誕生日}} {{姓}}", Sato, "鈴木");

        Assert.Equal(["{{誕生日}}"], result.UnknownTokens);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void Render_FullWidthBracesFromIme_TreatedAsTokens()
    {
        var result = MergeFieldRenderer.Render("｛｛姓｝｝様", Sato, "鈴木");

        Assert.Equal("佐藤様", result.Text);
    }

    [Fact]
    public void Render_NoTokens_TextUnchanged()
    {
        var result = MergeFieldRenderer.Render("お世話になっております。{ not a token }", Sato, "鈴木");

        Assert.Equal("お世話になっております。{ not a token }", result.Text);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void CustomerFields_EachCustomerFieldNamesTheInputPropertyItReads()
    {
        var filled = new CustomerInput();
        foreach (var field in MergeFields.All.Where(f => f.CustomerField is not null))
        {
            typeof(CustomerInput).GetProperty(field.CustomerField!)!.SetValue(filled, "値" + field.Name);
        }

        var customer = filled.ToCustomer();
        Assert.All(MergeFields.All.Where(f => f.CustomerField is not null), f => Assert.Equal("値" + f.Name, f.Value(customer, "")));
        Assert.Null(MergeFields.Find(MergeFields.SenderName)!.CustomerField);
    }

    [Fact]
    public void CustomerFields_EmptyFieldsAsReported_CustomerPropertiesWithoutTheSender()
    {
        var fields = MergeFields.CustomerFields(["会社名", "送信者名", "lastname", "会社名"]);

        Assert.Equal([nameof(CustomerInput.LastName), nameof(CustomerInput.Company)], fields);
    }
}

using System.Globalization;
using Digima.Core.Compose;

namespace Digima.Tests.Core.Compose;

public sealed class ReplyAllAndForwardDraftTests
{
    [Theory]
    [InlineData("お見積りの件", "Fwd: お見積りの件")]
    [InlineData("Fwd: Fwd: お見積りの件", "Fwd: お見積りの件")]
    [InlineData("転送: Re: お見積りの件", "Fwd: お見積りの件")]
    [InlineData("FW：返信: お見積りの件", "Fwd: お見積りの件")]
    public void Subject_AlwaysOneFwd(string original, string expected)
    {
        Assert.Equal(expected, ForwardDraft.Subject(original));
    }

    [Fact]
    public void QuotedBody_HeaderBlockThenOriginalAsWritten()
    {
        var sentAt = DateTimeOffset.Now;
        var body = ForwardDraft.QuotedBody("佐藤様\r\nお世話になっております。\r\n", AddressText.Of("山田 太郎", "t.yamada@ex.test"), sentAt,
            "納期の件", [AddressText.Of("", "a@ex.test")], []);

        var date = sentAt.ToString("yyyy年M月d日(ddd) HH:mm", CultureInfo.GetCultureInfo("ja-JP"));
        Assert.Equal(
            $"\n\n{ForwardDraft.Divider}\n差出人: 山田 太郎 <t.yamada@ex.test>\n日時: {date}\n件名: 納期の件\n宛先: a@ex.test\n\n佐藤様\nお世話になっております。\n",
            body);
    }

    [Fact]
    public void QuotedBody_WithCc_NamesIt()
    {
        var body = ForwardDraft.QuotedBody("本文", "a@ex.test", DateTimeOffset.Now, "件名", ["b@ex.test"], ["c@ex.test", "d@ex.test"]);

        Assert.Contains("\n宛先: b@ex.test\nCc: c@ex.test, d@ex.test\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyAllCc_LeavesOutOwnAddressesTheToAndRepeats()
    {
        var to = new List<ComposeRecipient> { new(1, "sender@abc.test", "送信者") };
        var others = new[]
        {
            new ComposeRecipient(1, "sender@abc.test", "送信者"),
            ComposeRecipient.Address("Rep@Digima.test", "担当"),
            new ComposeRecipient(2, "buyer@abc.test", "購買"),
            ComposeRecipient.Address("BUYER@abc.test", "購買"),
            ComposeRecipient.Address("partner@other.test", "協力会社"),
            ComposeRecipient.Address("partner@other.test", ""),
            ComposeRecipient.Address("box@digima.test"),
        };

        var cc = ReplyAllRecipients.Cc(to, others, ["rep@digima.test", "box@digima.test", ""]);

        Assert.Equal(["buyer@abc.test", "partner@other.test"], cc.Select(r => r.Email));
        Assert.Equal([RecipientParty.Customer, RecipientParty.Address], cc.Select(r => r.Party));
    }

    [Fact]
    public void Party_ColleagueAndAddressAreNotCustomers()
    {
        Assert.Equal(RecipientParty.Colleague, ComposeRecipient.Colleague(7, "c@digima.test", "同僚").Party);
        Assert.Equal(RecipientParty.Address, ComposeRecipient.Address(" x@y.test ").Party);
        Assert.Equal("x@y.test", ComposeRecipient.Address(" x@y.test ").Email);
    }
}

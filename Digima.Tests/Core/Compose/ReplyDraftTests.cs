using Digima.Core.Compose;

namespace Digima.Tests.Core.Compose;

public sealed class ReplyDraftTests
{
    [Theory]
    [InlineData("お見積りの件", "Re: お見積りの件")]
    [InlineData("Re: お見積りの件", "Re: お見積りの件")]
    [InlineData("RE: Re: re: お見積りの件", "Re: お見積りの件")]
    [InlineData("Re：返信: お見積りの件", "Re: お見積りの件")]
    [InlineData("Fwd: RE[2]: 【至急】ご確認", "Re: 【至急】ご確認")]
    [InlineData("[#123] Re: 障害報告", "Re: 障害報告")]
    public void Subject_AlwaysOneRe(string original, string expected)
    {
        Assert.Equal(expected, ReplyDraft.Subject(original));
    }

    [Fact]
    public void QuotedBody_JapaneseAttributionAndQuotedLines()
    {
        var body = ReplyDraft.QuotedBody("佐藤様\r\nお世話になっております。\r\n", "山田 太郎", "t.yamada@ex.test", new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.FromHours(9)));

        Assert.Equal("\n\n2026年11月27日(金) 10:30、山田 太郎 <t.yamada@ex.test> さんは書きました：\n> 佐藤様\n> お世話になっております。\n", body);
    }

    [Fact]
    public void References_ChainThenOriginal_NoDuplicates()
    {
        Assert.Equal(["a@x", "b@x", "c@x"], ReplyDraft.References(["a@x", "b@x", "a@x"], "c@x"));
    }
}

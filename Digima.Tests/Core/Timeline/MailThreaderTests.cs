using Digima.Core.Timeline.Threads;

namespace Digima.Tests.Core.Timeline;

public sealed class MailThreaderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static ThreadMessage Mail(string id, string subject, int minute, string[]? references = null, string? inReplyTo = null) =>
        new(id, ThreadMessage.AncestorsOf(references ?? [], inReplyTo), subject, T0.AddMinutes(minute));

    [Fact]
    public void Assign_ReplyChain_OneThreadNamedAfterTheFirstMail()
    {
        var threads = MailThreader.Assign(
        [
            Mail("a@x", "お見積りの件", 0),
            Mail("b@x", "Re: お見積りの件", 1, ["a@x"], "a@x"),
            Mail("c@x", "Re: Re: お見積りの件", 2, ["a@x", "b@x"], "b@x"),
        ]);

        Assert.All(threads.Values, t => Assert.Equal("a@x", t));
    }

    [Fact]
    public void Assign_MissingReferences_InReplyToAloneThreads()
    {
        // Some clients send only In-Reply-To.
        var threads = MailThreader.Assign([Mail("a@x", "納期", 0), Mail("b@x", "RE: 納期", 1, inReplyTo: "<a@x>")]);

        Assert.Equal("a@x", threads["b@x"]);
    }

    [Fact]
    public void Assign_OutOfOrderArrival_SameResultWhateverTheOrder()
    {
        var a = Mail("a@x", "打ち合わせ", 0);
        var b = Mail("b@x", "Re: 打ち合わせ", 1, ["a@x"]);
        var c = Mail("c@x", "Re: 打ち合わせ", 2, inReplyTo: "b@x");

        var childFirst = MailThreader.Assign([c]);
        var childThenMiddle = MailThreader.Assign([c, b]);
        var all = MailThreader.Assign([c, b, a]);

        Assert.Equal("b@x", childFirst["c@x"]);
        Assert.Equal("a@x", childThenMiddle["c@x"]);
        Assert.All(all.Values, t => Assert.Equal("a@x", t));
    }

    [Fact]
    public void Assign_ChildBeforeParentWithFullReferences_AlreadyCarriesTheRootId()
    {
        var threads = MailThreader.Assign([Mail("c@x", "Re: 資料", 2, ["a@x", "b@x"])]);

        Assert.Equal("a@x", threads["c@x"]);
    }

    [Fact]
    public void Assign_SubjectChanged_StartsASeparateThread()
    {
        var threads = MailThreader.Assign(
        [
            Mail("a@x", "お見積りの件", 0),
            Mail("b@x", "Re: お見積りの件", 1, ["a@x"]),
            Mail("c@x", "Re: 別件のご相談", 2, ["a@x", "b@x"]),
            Mail("d@x", "Re: 別件のご相談", 3, ["a@x", "b@x", "c@x"]),
        ]);

        Assert.Equal("a@x", threads["b@x"]);
        Assert.Equal("c@x", threads["c@x"]);
        Assert.Equal("c@x", threads["d@x"]);
    }

    [Fact]
    public void Assign_SubjectChangeSeenOnlyWhenTheParentArrives()
    {
        var child = Mail("c@x", "Re: 新しい件名", 2, ["a@x"]);

        Assert.Equal("a@x", MailThreader.Assign([child])["c@x"]);
        Assert.Equal("c@x", MailThreader.Assign([child, Mail("a@x", "元の件名", 0)])["c@x"]);
    }

    [Theory]
    [InlineData("返信: ご提案")]
    [InlineData("Re：ご提案")]
    [InlineData("RE: Fwd: ご提案")]
    [InlineData("転送： [#123] ご提案")]
    [InlineData("Re[2]: ご　提案")]
    [InlineData("ＲＥ：ご提案")]
    public void Assign_JapanesePrefixesAndWidths_SameThread(string replySubject)
    {
        var threads = MailThreader.Assign([Mail("a@x", "ご提案", 0), Mail("b@x", replySubject, 1, ["a@x"])]);

        Assert.Equal("a@x", threads["b@x"]);
    }

    [Fact]
    public void Assign_ReplyFromAnotherClient_ReferencesWithoutTheParentButInReplyTo()
    {
        // Outlook-style: References cut to the root, In-Reply-To names the parent.
        var threads = MailThreader.Assign(
        [
            Mail("a@x", "契約更新", 0),
            Mail("b@x", "Re: 契約更新", 1, ["a@x"]),
            Mail("c@x", "RE: 契約更新", 2, ["a@x"], "b@x"),
        ]);

        Assert.Equal("a@x", threads["c@x"]);
    }

    [Fact]
    public void Assign_ReferenceLoop_DoesNotHang()
    {
        var threads = MailThreader.Assign([Mail("a@x", "件名", 0, ["b@x"]), Mail("b@x", "Re: 件名", 1, ["a@x"])]);

        Assert.Equal(2, threads.Count);
        Assert.Equal(threads["a@x"], threads["b@x"]);
    }

    [Fact]
    public void Assign_UnrelatedMailsWithTheSameSubject_AreNotMerged()
    {
        var threads = MailThreader.Assign([Mail("a@x", "ご挨拶", 0), Mail("b@x", "ご挨拶", 1)]);

        Assert.NotEqual(threads["a@x"], threads["b@x"]);
    }

    [Theory]
    [InlineData("Re: Re: 見積", "見積")]
    [InlineData("ＦＷ：　見積 の件", "見積の件")]
    [InlineData("[#45] RE: 見積", "見積")]
    [InlineData("【返信】見積の件", "見積の件")]
    [InlineData("Re: 【転送】 Re: Re: 見積の件", "見積の件")]
    [InlineData("【ＲＥ】　ＲＥ：見積の件", "見積の件")]
    [InlineData("Ｒｅ［２］：見積の件", "見積の件")]
    [InlineData("【見積】ご依頼の件", "【見積】ご依頼の件")]
    [InlineData("", "")]
    public void SubjectKey_StripsPrefixesWidthAndSpace(string subject, string expected)
    {
        Assert.Equal(expected, SubjectKey.Of(subject));
    }
}

using Digima.Core.MailImport;

namespace Digima.Tests.Core.MailImport;

public sealed class MailIdentityTests
{
    [Fact]
    public void Of_MessageIdWithBrackets_StoredWithout() =>
        Assert.Equal("abc@host.test", MailIdentity.Of(Summary(" <abc@host.test> ")));

    [Fact]
    public void Of_NoMessageId_SameHashForSameHeadersOtherUid()
    {
        var first = Summary(null, uid: 1);
        var copy = Summary(null, uid: 99) with { InternalDate = DateTimeOffset.UnixEpoch };

        Assert.StartsWith("hash:", MailIdentity.Of(first), StringComparison.Ordinal);
        Assert.Equal(MailIdentity.Of(first), MailIdentity.Of(copy));
        Assert.NotEqual(MailIdentity.Of(first), MailIdentity.Of(first with { Subject = "other" }));
    }

    [Fact]
    public void ThreadKey_ReferencesFirst_ThenInReplyTo_ThenSelf()
    {
        Assert.Equal("root@x", MailIdentity.ThreadKey("me@x", "parent@x", ["<root@x>", "<parent@x>"]));
        Assert.Equal("parent@x", MailIdentity.ThreadKey("me@x", "<parent@x>", []));
        Assert.Equal("me@x", MailIdentity.ThreadKey("me@x", null, []));
    }

    internal static MailSummary Summary(string? messageId, uint uid = 1, string from = "a@customer.test", string to = "rep@digima.test") => new(
        uid, messageId, "件名", [new MailParty(from, "")], [new MailParty(to, "")], [],
        new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow, null, []);
}

using Digima.Core.MailImport;

namespace Digima.Tests.Core.MailImport;

public sealed class ImportPlanTests
{
    private static readonly HashSet<string> Own = ["rep@digima.test"];
    private static readonly Dictionary<string, long> Customers = new() { ["a@customer.test"] = 7 };

    [Fact]
    public void Choose_NoCustomerInAddresses_NotChosen()
    {
        var chosen = ImportPlan.Choose([MailIdentityTests.Summary("p@x", from: "friend@private.test")], MailFolderKind.Inbox, Own, Customers, KnownIdentities.None);

        Assert.Empty(chosen);
    }

    [Fact]
    public void Choose_SettledIdentityLeftOutRepeatedOneLeftToContent()
    {
        var summaries = new[] { MailIdentityTests.Summary("m1@x", 1), MailIdentityTests.Summary("m1@x", 2), MailIdentityTests.Summary("m2@x", 3) };

        var chosen = ImportPlan.Choose(summaries, MailFolderKind.Inbox, Own, Customers, new KnownIdentities(new HashSet<string> { "m2@x" }, new Dictionary<string, IReadOnlySet<string>>()));

        Assert.Equal([1u, 2u], chosen.Select(c => c.Summary.Uid));
        Assert.Equal([new MailCustomerLink(7, MailCustomerRole.From)], chosen[0].Customers);
    }

    [Fact]
    public void Choose_RepWritingToCustomerFoundInInbox_IsSent()
    {
        var summary = MailIdentityTests.Summary("m@x", from: "REP@digima.test", to: "a@customer.test");

        var chosen = Assert.Single(ImportPlan.Choose([summary], MailFolderKind.Inbox, Own, Customers, KnownIdentities.None));

        Assert.Equal(MailDirection.Sent, chosen.Direction);
        Assert.Equal(MailCustomerRole.To, Assert.Single(chosen.Customers).Role);
    }

    [Fact]
    public void Distinguish_SameContentOnce_OtherContentUnderItsOwnIdentity()
    {
        var hashes = new HashSet<string>();
        var first = new ImportedMail { MessageId = "m@x", ThreadKey = "m@x", ContentHash = MailIdentity.ContentHash(DateTimeOffset.UnixEpoch, "a@customer.test", "一通目", null) };
        var other = first with { ContentHash = MailIdentity.ContentHash(DateTimeOffset.UnixEpoch, "a@customer.test", "二通目", null) };

        var stored = ImportPlan.Distinguish(first, hashes);
        var again = ImportPlan.Distinguish(first, hashes);
        var reused = ImportPlan.Distinguish(other, hashes);
        var laterDate = ImportPlan.Distinguish(first with { ContentHash = MailIdentity.ContentHash(DateTimeOffset.UnixEpoch.AddHours(1), "a@customer.test", "一通目", null) }, hashes);

        Assert.Equal("m@x", stored!.MessageId);
        Assert.Null(again);
        Assert.Equal(MailIdentity.Reused("m@x", reused!.ContentHash!), reused.MessageId);
        Assert.Equal("m@x", reused.ReusedMessageId);
        Assert.Equal(reused.MessageId, reused.ThreadKey);
        Assert.NotNull(laterDate);
        Assert.NotEqual(reused.MessageId, laterDate.MessageId);
        Assert.Null(ImportPlan.Distinguish(other, hashes));
    }
}

using Digima.Core.MailImport;

namespace Digima.Tests.Core.MailImport;

public sealed class ImportPlanTests
{
    private static readonly HashSet<string> Own = ["rep@digima.test"];
    private static readonly Dictionary<string, long> Customers = new() { ["a@customer.test"] = 7 };

    [Fact]
    public void Choose_NoCustomerInAddresses_NotChosen()
    {
        var chosen = ImportPlan.Choose([MailIdentityTests.Summary("p@x", from: "friend@private.test")], MailFolderKind.Inbox, Own, Customers, new HashSet<string>());

        Assert.Empty(chosen);
    }

    [Fact]
    public void Choose_KnownOrRepeatedIdentity_ChosenOnce()
    {
        var summaries = new[] { MailIdentityTests.Summary("m1@x", 1), MailIdentityTests.Summary("m1@x", 2), MailIdentityTests.Summary("m2@x", 3) };

        var chosen = ImportPlan.Choose(summaries, MailFolderKind.Inbox, Own, Customers, new HashSet<string> { "m2@x" });

        Assert.Equal([1u], chosen.Select(c => c.Summary.Uid));
        Assert.Equal([new MailCustomerLink(7, MailCustomerRole.From)], chosen[0].Customers);
    }

    [Fact]
    public void Choose_RepWritingToCustomerFoundInInbox_IsSent()
    {
        var summary = MailIdentityTests.Summary("m@x", from: "REP@digima.test", to: "a@customer.test");

        var chosen = Assert.Single(ImportPlan.Choose([summary], MailFolderKind.Inbox, Own, Customers, new HashSet<string>()));

        Assert.Equal(MailDirection.Sent, chosen.Direction);
        Assert.Equal(MailCustomerRole.To, Assert.Single(chosen.Customers).Role);
    }
}

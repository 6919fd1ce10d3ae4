using Digima.Core.Compose;
using Digima.Core.Customers;

namespace Digima.Tests.Core.Compose;

public sealed class RecipientWarningsTests
{
    private static readonly RecipientCheckOptions Options = new() { BccSuggestedAbove = 5 };
    private static readonly DomainHistory Known = new(new HashSet<string> { "abc.co.jp", "xyz.co.jp" }, new HashSet<string> { "digima.jp" }, HasSentMail: true);
    private static long _nextId;

    [Fact]
    public void Check_OneKnownCompanyAndColleague_NoWarnings()
    {
        var recipients = new[] { To("山田", "abc.co.jp", "ABC商事"), Cc("鈴木", "abc.co.jp"), Cc("同僚", "digima.jp") };

        Assert.Empty(Warnings(recipients, Known));
    }

    [Fact]
    public void Check_DomainNeverWrittenTo_WarnsWithItsAddressesOnly()
    {
        var fresh = To("田中", "new-corp.jp");
        var warning = Assert.Single(Warnings([fresh, Bcc("山田", "abc.co.jp", "ABC商事")], Known));

        Assert.Equal(RecipientWarningKind.NewDomain, warning.Kind);
        Assert.Equal([fresh.Recipient.Email], warning.Addresses);
        Assert.Equal(["new-corp.jp"], warning.Names);
    }

    [Fact]
    public void Check_RepWhoNeverSentAnything_NoNewDomainWarning()
    {
        var beginner = Known with { WrittenTo = new HashSet<string>(), HasSentMail = false };

        Assert.Empty(Warnings([To("田中", "new-corp.jp")], beginner));
    }

    [Fact]
    public void Check_ColleagueDomainNeverWrittenTo_NotNew()
    {
        Assert.Empty(Warnings([To("山田", "abc.co.jp"), Cc("同僚", "digima.jp")], Known with { WrittenTo = new HashSet<string> { "abc.co.jp" } }));
    }

    [Fact]
    public void Check_TwoCompaniesInToAndCc_WarnsNamingBoth()
    {
        var warning = Assert.Single(Warnings([To("山田", "abc.co.jp", "ABC商事"), Cc("佐藤", "xyz.co.jp", "XYZ工業")], Known));

        Assert.Equal(RecipientWarningKind.SeveralCompanies, warning.Kind);
        Assert.Equal(["ABC商事", "XYZ工業"], warning.Names);
    }

    [Fact]
    public void Check_SecondCompanyOnlyInBcc_NoCompanyWarning()
    {
        Assert.Empty(Warnings([To("山田", "abc.co.jp", "ABC商事"), Bcc("佐藤", "xyz.co.jp", "XYZ工業")], Known));
    }

    [Fact]
    public void Group_CustomerWithoutCompanyAtACompanysDomain_JoinsThatCompany()
    {
        var recipients = new[] { To("山田", "abc.co.jp", "ABC商事"), Cc("鈴木", "abc.co.jp"), Cc("同僚", "digima.jp") };

        var groups = RecipientWarnings.Group(recipients, Known);

        Assert.Equal(["ABC商事", "digima.jp"], groups.Select(g => g.Name));
        Assert.Equal(2, groups[0].Recipients.Count);
        Assert.True(groups[1].IsInternal);
    }

    [Fact]
    public void Check_MoreExternalAddressesThanLimitAndBccEmpty_SuggestsBcc()
    {
        var recipients = Enumerable.Range(0, 6).Select(i => i == 0 ? To("山田", "abc.co.jp", "ABC商事") : Cc("様子" + i, "abc.co.jp", "ABC商事")).ToList();

        var warning = Assert.Single(Warnings(recipients, Known));

        Assert.Equal(RecipientWarningKind.BccSuggested, warning.Kind);
        Assert.Equal(6, warning.Addresses.Count);
        Assert.Equal(["5"], warning.Names);
    }

    [Fact]
    public void Check_AtLimitOrWithBccOrColleaguesCounted_NoBccSuggestion()
    {
        var five = Enumerable.Range(0, 5).Select(i => Cc("顧客" + i, "abc.co.jp", "ABC商事")).Prepend(Cc("同僚", "digima.jp")).ToList();
        var withBcc = five.Append(Cc("顧客9", "abc.co.jp", "ABC商事")).Append(Bcc("控え", "abc.co.jp", "ABC商事")).ToList();

        Assert.Empty(Warnings(five, Known));
        Assert.DoesNotContain(Warnings(withBcc, Known), w => w.Kind == RecipientWarningKind.BccSuggested);
    }

    [Fact]
    public void Check_ColleagueAtAnOutsideDomain_InternalNeitherNewNorCounted()
    {
        var colleague = new RecipientFacts(RecipientKind.Cc, ComposeRecipient.Colleague(9, "colleague@gmail.test", "同僚"), null);
        var recipients = Enumerable.Range(0, 5).Select(i => Cc("顧客" + i, "abc.co.jp", "ABC商事")).Prepend(colleague).ToList();

        Assert.Empty(Warnings(recipients, Known));
        Assert.True(RecipientWarnings.Group(recipients, Known).Single(g => g.Name == "gmail.test").IsInternal);
    }

    [Fact]
    public void Check_PlainAddressAtNewDomain_WarnsLikeACustomer()
    {
        var plain = new RecipientFacts(RecipientKind.Bcc, ComposeRecipient.Address("someone@fresh.test"), null);

        var warning = Assert.Single(Warnings([To("山田", "abc.co.jp", "ABC商事"), plain], Known));

        Assert.Equal(RecipientWarningKind.NewDomain, warning.Kind);
        Assert.Equal(["someone@fresh.test"], warning.Addresses);
    }

    private static IReadOnlyList<RecipientWarning> Warnings(IReadOnlyList<RecipientFacts> recipients, DomainHistory history) =>
        RecipientWarnings.Check(recipients, RecipientWarnings.Group(recipients, history), history, "いつもお世話になっております。", Options);

    internal static RecipientFacts To(string lastName, string domain, string company = "") => Facts(RecipientKind.To, lastName, domain, company);

    internal static RecipientFacts Cc(string lastName, string domain, string company = "") => Facts(RecipientKind.Cc, lastName, domain, company);

    internal static RecipientFacts Bcc(string lastName, string domain, string company = "") => Facts(RecipientKind.Bcc, lastName, domain, company);

    internal static RecipientFacts Facts(RecipientKind kind, string lastName, string domain, string company, string firstName = "")
    {
        var id = Interlocked.Increment(ref _nextId);
        var customer = new Customer { Id = id, LastName = lastName, FirstName = firstName, Company = company, Email = $"c{id}@{domain}" };
        return new RecipientFacts(kind, new ComposeRecipient(id, customer.Email, customer.FullName), customer);
    }
}

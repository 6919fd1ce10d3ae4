using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Core.Timeline;
using Digima.Core.Tracking;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Sending;

/// <summary>A colleague in Cc and a plain address in Bcc (E5): delivered, stored as what they are,
/// on no timeline, counted by tracking as no customer, and kept by 「複製」.</summary>
public sealed class NonCustomerRecipientTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("noncustomer");
        _rep = await _services.AddUserAsync(UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SendNow_ColleagueInCcPlainInBcc_SentStoredAsSuchOnlyTheCustomersTimeline()
    {
        var customer = await _services.AddCustomerAsync("主宛先");
        var colleague = await _services.AddUserAsync(UserRole.Rep, $"col.{Guid.NewGuid():N}"[..16] + "@digima.test");
        var plain = $"plain.{Guid.NewGuid():N}"[..16] + "@outside.test";
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)],
            Cc = [ComposeRecipient.Colleague(colleague.Id, colleague.Email, colleague.DisplayName)],
            Bcc = [ComposeRecipient.Address(plain), ComposeRecipient.Address(customer.Email.ToUpperInvariant())],
            Subject = "共有",
            Body = "本文です。",
        };

        var mail = await _services.SendNowAndDeliverAsync(_rep, input);

        var stored = (await _services.Get<IOutgoingMailRepository>().GetAsync(mail.Id, CancellationToken.None))!;
        Assert.Equal(MailStatus.Sent, stored.Status);
        Assert.Equal(
            [(RecipientKind.To, RecipientParty.Customer, customer.Email), (RecipientKind.Cc, RecipientParty.Colleague, colleague.Email), (RecipientKind.Bcc, RecipientParty.Address, plain)],
            stored.Recipients.Select(r => (r.Kind, r.AsComposed().Party, r.Email)));
        Assert.Equal(colleague.Id, stored.Recipients[1].UserId);
        Assert.Single(await MailboxReader.WaitForAsync(colleague.Email, mail.MessageId));
        Assert.Single(await MailboxReader.WaitForAsync(plain, mail.MessageId));
        Assert.Equal([customer.Id], (await _services.Get<ITrackingRepository>().GetMailAsync(mail.Id, CancellationToken.None))!.CustomerIds);
        Assert.NotNull((await _services.Get<ICustomerRepository>().GetAsync(customer.Id, CancellationToken.None))!.LastContactAt);
        var timeline = await _services.Get<ListTimelineQuery>().ListAsync(_rep, customer.Id, null, 10, CancellationToken.None);
        Assert.Contains(timeline.Items, i => i.OutgoingMailId == mail.Id);
        var found = await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch(plain, 0, 5), CancellationToken.None);
        Assert.Equal(0, found.TotalCount);

        var duplicate = await _services.Get<DraftFromMailQuery>().DuplicateSentAsync(_rep, mail.Id, CancellationToken.None);
        Assert.Equal(RecipientParty.Colleague, Assert.Single(duplicate.Cc).Party);
        Assert.Equal(plain, Assert.Single(duplicate.Bcc).Email);
    }

    [Fact]
    public async Task CheckRecipients_ColleagueAtOutsideDomainAndPlainAddress_ColleagueInternal()
    {
        var customer = await _services.AddCustomerAsync("確認先", company: "確認商事");
        var colleague = await _services.AddUserAsync(UserRole.Rep, $"col.{Guid.NewGuid():N}"[..16] + "@gmail.test");
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)],
            Cc = [ComposeRecipient.Colleague(colleague.Id, colleague.Email, colleague.DisplayName), ComposeRecipient.Address("x@plain-domain.test")],
            Subject = "件名",
            Body = "本文です。",
        };

        var check = await _services.Get<CheckRecipientsQuery>().CheckAsync(_rep, input, CancellationToken.None);

        Assert.True(check.Groups.Single(g => g.Recipients.Any(r => r.Email == colleague.Email)).IsInternal);
        Assert.False(check.Groups.Single(g => g.Name == "plain-domain.test").IsInternal);
    }
}

using Digima.Core.Awaiting;
using Digima.Core.Compose;
using Digima.Core.MailImport;
using Digima.Core.Timeline;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>A customer only in Bcc of a mail the rep sent from their own client (R18), read from the
/// rep's Sent folder on the real Dovecot.</summary>
public sealed class BccImportTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("bcc-import");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private DateTimeOffset Now => _s.Services.Clock.GetUtcNow();

    [Fact]
    public async Task SentMail_BccOnlyCustomer_IsLinkedAndOnTheTimeline_ButStaysWaitingAndIsNoReplyRecipient()
    {
        var openly = await _s.AddCustomerAsync("宛先");
        var hidden = await _s.AddCustomerAsync("ビーシーシー");
        await _s.AppendAsync("INBOX", RawMail.Create(hidden.Email, _s.Rep.Email, "question", date: Now.AddDays(-2)).Text("UTF-8", "ご相談"));
        var sent = RawMail.NewId();
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, openly.Email, "announcement", sent, Now.AddDays(-1))
            .Header("Bcc", hidden.Email).Text("UTF-8", "ご案内"));
        await _s.SyncAsync();

        var mail = await _s.StoredAsync(sent);
        Assert.Contains(new MailCustomerLink(hidden.Id, MailCustomerRole.Bcc), mail.Customers);
        Assert.Contains(new MailCustomerLink(openly.Id, MailCustomerRole.To), mail.Customers);
        var timeline = (await _s.Services.Get<ListTimelineQuery>().ListAsync(_s.Rep, hidden.Id, null, 10, CancellationToken.None)).Items;
        Assert.Contains(timeline, i => i.MessageId == sent);

        // Not openly answered: still waiting; and 返信 goes to the openly addressed customer only.
        var waiting = await _s.Services.Get<GetAwaitingRepliesQuery>().GetAsync(_s.Rep, [hidden.Id], CancellationToken.None);
        Assert.Contains(hidden.Id, waiting.Keys);
        var reply = await _s.Services.Get<DraftFromMailQuery>().ReplyAsync(_s.Rep, mail.Id, CancellationToken.None);
        Assert.Equal([openly.Id], reply.To.Select(r => r.CustomerId));
    }

    [Fact]
    public async Task ReceivedMail_BccHeaderNamingACustomer_LinksNobody()
    {
        var customer = await _s.AddCustomerAsync("受信");
        var id = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create("stranger@elsewhere.test", _s.Rep.Email, "odd", id, Now.AddHours(-1))
            .Header("Bcc", customer.Email).Text("UTF-8", "本文"));
        await _s.SyncAsync();

        Assert.DoesNotContain(await _s.StoredAsync(), m => m.MessageId == id);
    }
}

using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Infrastructure.Scheduling;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Timeline;

/// <summary>Threads through a relay that rewrites Message-ID (B4), against the real Postfix and
/// Dovecot: mail from senders at rewrites.test leaves Postfix with a new Message-ID (as some
/// gateways and Exchange setups do) and a copy filed in the sender's Sent folder by the server; the
/// customer's reply names the relay's id. See ops/postfix/main.cf.template.</summary>
public sealed class RelayRewriteThreadTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("relay", new Dictionary<string, string?>
    {
        // The server's copy is found as soon as it is filed, well within this.
        ["Digima:Outbox:ServerCopyWait"] = "00:00:05",
    }, repDomain: "rewrites.test");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Reply_ToTheRelaysMessageId_JoinsTheAppMailsThread_AndTheServersCopyIsNoSecondMail()
    {
        var customer = await _s.AddCustomerAsync("中継");
        var sent = await _s.Services.SendNowAndDeliverAsync(_s.Rep, ScheduledScenario.Input("お見積りの件", "本文です。", customer));
        var rewritten = "relay." + sent.MessageId.Split('@')[0] + "@gateway.rewrites.test";

        // The customer got the relay's Message-ID, and our header with the app's.
        var delivered = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, rewritten));
        Assert.Equal("<" + sent.MessageId + ">", delivered.Headers[MessageIds.OurHeader]);
        // The server filed its copy (under the relay's id): the app found it by our header and added none.
        Assert.Single(await MailboxReader.WaitForAsync(_s.Rep.Email, rewritten, "Sent"));
        Assert.Empty(await MailboxReader.FindAsync(_s.Rep.Email, sent.MessageId, "Sent"));
        Assert.Equal(SentCopyFiling.ByServer, (await _s.Services.Get<IMailboxRepository>().GetAsync(_s.Rep.Id, CancellationToken.None))!.SentCopies);

        var reply = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "Re: お見積りの件"), reply, DateTimeOffset.UtcNow)
            .Header("In-Reply-To", $"<{rewritten}>").Header("References", $"<{rewritten}>").Text("UTF-8", "ありがとうございます"));
        await _s.SyncAsync();

        Assert.Equal(await ThreadOfAsync(sent.MessageId), await ThreadOfAsync(reply));
        // The server's copy is the app's mail: not imported as another.
        Assert.DoesNotContain(await _s.StoredAsync(), m => m.MessageId == rewritten);
    }

    [Fact]
    public async Task Reply_ImportedBeforeTheServersCopy_JoinsOnceTheCopyIsSeen()
    {
        var customer = await _s.AddCustomerAsync("後から");
        // The app's mail; a relay's id the test makes up, as a gateway would.
        var sent = await _s.Services.SendNowAndDeliverAsync(_s.Rep, ScheduledScenario.Input("ご提案", "本文です。", customer));
        var rewritten = $"gw.{Guid.NewGuid():N}@exchange.example.test";
        var reply = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "RE: ご提案"), reply, DateTimeOffset.UtcNow)
            .Header("In-Reply-To", $"<{rewritten}>").Text("UTF-8", "検討します"));
        await _s.SyncAsync();
        Assert.NotEqual(await ThreadOfAsync(sent.MessageId), await ThreadOfAsync(reply));

        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, RawMail.Word("UTF-8", "ご提案"), rewritten, DateTimeOffset.UtcNow.AddMinutes(-5))
            .Header(MessageIds.OurHeader, $"<{sent.MessageId}>").Text("UTF-8", "本文です。"));
        await _s.SyncAsync();

        Assert.Equal(await ThreadOfAsync(sent.MessageId), await ThreadOfAsync(reply));
    }

    [Fact]
    public async Task OurHeader_InAMailToTheInbox_IsNotBelieved()
    {
        var customer = await _s.AddCustomerAsync("なりすまし");
        var sent = await _s.Services.SendNowAndDeliverAsync(_s.Rep, ScheduledScenario.Input("ご案内", "本文です。", customer));
        var forged = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "hello", forged, DateTimeOffset.UtcNow)
            .Header(MessageIds.OurHeader, $"<{sent.MessageId}>").Text("UTF-8", "本文"));
        await _s.SyncAsync();

        // Imported under its own id, and no alias: a reply naming it stays out of the app mail's thread.
        Assert.Single(await _s.StoredAsync(), m => m.MessageId == forged);
        Assert.Equal(0L, await _s.ScalarAsync<long>("SELECT count(*) FROM message_id_aliases WHERE alias = @forged", new { forged }));
    }

    private Task<string> ThreadOfAsync(string messageId) =>
        _s.ScalarAsync<string>("SELECT thread_id FROM mail_threads WHERE message_id = @messageId", new { messageId });
}

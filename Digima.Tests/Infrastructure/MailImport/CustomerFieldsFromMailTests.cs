using Digima.Core.Compose;
using Digima.Core.MailImport;
using Digima.Core.Sending;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Customer fields set by imported mail (R24, R25), and mail sent from the app found
/// again in Sent.</summary>
public sealed class CustomerFieldsFromMailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("fields");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_ReceivedFromCustomer_LatestActionIsNewestMailOnlyAndReimportChangesNothing()
    {
        var customer = await _s.AddCustomerAsync("受信");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "newer", date: Day1.AddDays(2)).Text("UTF-8", "本文"));
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "older", date: Day1).Text("UTF-8", "本文"));

        await _s.SyncAsync();
        var after = await _s.CustomerAsync(customer.Id);
        await _s.ExecuteAsync("DELETE FROM mail_import_cursors");
        await _s.SyncAsync();

        Assert.Equal("メール受信", after!.LastActionType);
        Assert.Equal(Day1.AddDays(2), after.LastActionAt);
        Assert.Null(after.FirstContactAt);
        Assert.Equal(after, await _s.CustomerAsync(customer.Id));
    }

    [Fact]
    public async Task Sync_SentToCustomersFromOwnClient_FirstIsEarliestLatestIsNewest()
    {
        var to = await _s.AddCustomerAsync("送信先");
        var cc = await _s.AddCustomerAsync("写し");
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, to.Email, "second", date: Day1.AddDays(1)).Header("Cc", cc.Email).Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, to.Email, "first", date: Day1).Text("UTF-8", "本文"));

        await _s.SyncAsync();

        var customer = await _s.CustomerAsync(to.Id);
        Assert.Equal(Day1, customer!.FirstContactAt);
        Assert.Equal(Day1.AddDays(1), customer.LastContactAt);
        Assert.Null(customer.LastActionType);
        Assert.Equal(Day1.AddDays(1), (await _s.CustomerAsync(cc.Id))!.FirstContactAt);
    }

    [Fact]
    public async Task Sync_MailSentFromTheAppFoundInSent_NotImportedAgain()
    {
        var customer = await _s.AddCustomerAsync("アプリ");
        var input = new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "アプリから", Body = "本文です。よろしくお願いいたします。" };
        var id = (await _s.Services.Get<SendMailCommand>().SendNowAsync(_s.Rep, input, CancellationToken.None)).Value;
        var outbox = _s.Services.Get<IOutgoingMailRepository>();
        var claimed = await outbox.ClaimNextQueuedAsync(_s.Services.Clock.GetUtcNow(), CancellationToken.None);
        await _s.Services.Get<SendQueuedMailCommand>().SendAsync(claimed!, CancellationToken.None);
        var sent = await outbox.GetAsync(id, CancellationToken.None);
        Assert.Single(await Digima.Tests.Support.MailboxReader.FindAsync(_s.Rep.Email, sent!.MessageId, "Sent"));
        var before = await _s.CustomerAsync(customer.Id);

        var result = await _s.SyncAsync();

        Assert.Equal(1, result.Folders.Single(f => f.Kind == MailFolderKind.Sent).Seen);
        Assert.Empty(await _s.StoredAsync());
        Assert.Equal(before, await _s.CustomerAsync(customer.Id));
    }
}

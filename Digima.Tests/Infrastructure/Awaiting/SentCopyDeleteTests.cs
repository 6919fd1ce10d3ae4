using Digima.Core.Awaiting;
using Digima.Core.MailImport;
using Digima.Tests.Infrastructure.MailImport;

namespace Digima.Tests.Infrastructure.Awaiting;

/// <summary>Deleting one of our sent imported copies recomputes 返信待ち for the customers it was to.</summary>
public sealed class SentCopyDeleteTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("sent-copy-delete");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private DateTimeOffset Now => _s.Services.Clock.GetUtcNow();

    [Fact]
    public async Task Delete_OurOnlyLaterAnswer_CustomerWaitsAgain_AnEarlierAnswerStillCounts()
    {
        var customer = await _s.AddCustomerAsync("送信削除");
        var cc = await _s.AddCustomerAsync("同報");
        await _s.AppendAsync("INBOX",
            RawMail.Create(customer.Email, _s.Rep.Email, "question", date: Now.AddDays(-3)).Text("UTF-8", "本文"),
            RawMail.Create(cc.Email, _s.Rep.Email, "another question", date: Now.AddDays(-5)).Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent",
            RawMail.Create(_s.Rep.Email, cc.Email, "earlier answer", date: Now.AddDays(-4)).Text("UTF-8", "回答"),
            RawMail.Create(_s.Rep.Email, customer.Email, "Re: question", date: Now.AddDays(-2)).Header("Cc", cc.Email).Text("UTF-8", "回答"));
        await _s.SyncAsync();
        Assert.Empty(await WaitingAsync());

        var answer = await _s.ScalarAsync<long>("SELECT id FROM imported_mails WHERE user_id = @Id AND subject = 'Re: question'", new { _s.Rep.Id });
        Assert.True(await _s.Services.Get<DeleteImportedMailCommand>().DeleteAsync(_s.Rep, answer, CancellationToken.None));

        // The customer's only later answer is gone; the Cc'd customer still has the earlier one.
        Assert.Equal([customer.Id], await WaitingAsync());
    }

    private async Task<IReadOnlyList<long>> WaitingAsync() =>
        (await _s.Services.Get<ListAwaitingReplyQuery>().ListAsync(_s.Rep, null, null, CancellationToken.None)).Rows.Select(r => r.Record.CustomerId).ToList();
}

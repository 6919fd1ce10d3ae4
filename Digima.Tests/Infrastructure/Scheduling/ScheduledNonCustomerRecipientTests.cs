using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>A scheduled mail with a colleague and a plain address (E5) keeps them through an edit
/// and delivers to them at its time.</summary>
public sealed class ScheduledNonCustomerRecipientTests : IAsyncLifetime
{
    private ScheduledScenario _s = default!;

    public async Task InitializeAsync() => _s = await ScheduledScenario.CreateAsync("schedule-noncustomer");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Edit_ColleagueAndPlainAddressKept_BothReceiveAtItsTime()
    {
        var customer = await _s.AddCustomerAsync("予約先");
        var colleague = await _s.Services.AddUserAsync(UserRole.Rep, $"col.{Guid.NewGuid():N}"[..16] + "@digima.test");
        var plain = $"plain.{Guid.NewGuid():N}"[..16] + "@outside.test";
        var input = ScheduledScenario.Input("予約の件名", "本文です。", customer);
        input.Cc.Add(ComposeRecipient.Address(plain));
        input.Bcc.Add(ComposeRecipient.Colleague(colleague.Id, colleague.Email, colleague.DisplayName));
        var at = TimeZoneInfo.ConvertTime(_s.Now.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime;
        var id = await _s.ScheduleAsync(input, at);

        var edit = new ScheduledMailEdit(id, "書き直した件名", "本文です。", at);
        Assert.True((await _s.Services.Get<EditScheduledMailCommand>().EditAsync(_s.Rep, edit, CancellationToken.None)).Succeeded);
        _s.Services.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(ScheduledRun.Sent, await _s.RunAsync(id));

        var sent = await _s.MailAsync(id);
        Assert.Equal(
            [RecipientParty.Customer, RecipientParty.Address, RecipientParty.Colleague],
            sent.Recipients.Select(r => r.AsComposed().Party));
        var received = Assert.Single(await MailboxReader.WaitForAsync(plain, sent.MessageId));
        Assert.Equal("書き直した件名", received.Subject);
        Assert.Equal([plain], received.Cc.Mailboxes.Select(m => m.Address));
        Assert.Single(await MailboxReader.WaitForAsync(colleague.Email, sent.MessageId));
    }
}

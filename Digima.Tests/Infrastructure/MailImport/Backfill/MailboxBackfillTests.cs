using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.MailImport.Backfill;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.MailImport.Backfill;

/// <summary>「過去のメールを取り込む」: a manager backfills a mailbox for a longer period than the
/// import window, for every customer; a rep may not.</summary>
public sealed class MailboxBackfillTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("mailbox-backfill");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private DateTimeOffset Now => _s.Services.Clock.GetUtcNow();

    [Fact]
    public async Task Request_ManagerAsksForAYear_ImportsOlderCustomerMailOnlyOnce()
    {
        var manager = await _s.Services.AddUserAsync(UserRole.Manager);
        var a = await _s.AddCustomerAsync("一年前");
        var b = await _s.AddCustomerAsync("半年前");
        await _s.RunQueuedAsync();
        await _s.AppendAsync("INBOX", Now.AddDays(-300), RawMail.Create(a.Email, _s.Rep.Email, "ten months ago", date: Now.AddDays(-300)).Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent", Now.AddDays(-200), RawMail.Create(_s.Rep.Email, b.Email, "half a year ago", date: Now.AddDays(-200)).Text("UTF-8", "本文"));
        await _s.AppendAsync("INBOX", Now.AddDays(-400), RawMail.Create(a.Email, _s.Rep.Email, "beyond the year", date: Now.AddDays(-400)).Text("UTF-8", "本文"));
        await _s.AppendAsync("INBOX", Now.AddDays(-20), RawMail.Create(TestCustomers.NewAddress(), _s.Rep.Email, "no customer", date: Now.AddDays(-20)).Text("UTF-8", "本文"));
        await _s.AppendAsync("INBOX", Now.AddDays(-10), RawMail.Create(a.Email, _s.Rep.Email, "recent", date: Now.AddDays(-10)).Text("UTF-8", "本文"));
        await _s.SyncAsync();
        Assert.Equal(["recent"], (await _s.StoredAsync()).Select(m => m.Subject));

        await _s.Services.Get<RequestMailboxBackfillCommand>().RequestAsync(manager, _s.Rep.Id, 365, CancellationToken.None);
        var running = await _s.Services.Get<GetMailBackfillQuery>().GetMailboxAsync(manager, _s.Rep.Id, CancellationToken.None);
        await _s.RunQueuedAsync();

        Assert.False(running!.Finished);
        Assert.Equal(["half a year ago", "recent", "ten months ago"], (await _s.StoredAsync()).Select(m => m.Subject).Order());
        var done = await _s.Services.Get<GetMailBackfillQuery>().GetMailboxAsync(_s.Rep, _s.Rep.Id, CancellationToken.None);
        Assert.True(done!.Finished);
        Assert.Equal(2, done.Imported);
        Assert.Equal(Now.AddDays(-200), (await _s.CustomerAsync(b.Id))!.FirstContactAt);
    }

    [Fact]
    public async Task Request_ByARep_Forbidden()
    {
        var command = _s.Services.Get<RequestMailboxBackfillCommand>();

        await Assert.ThrowsAsync<ForbiddenException>(() => command.RequestAsync(_s.Rep, _s.Rep.Id, 365, CancellationToken.None));
        Assert.Equal(0, await _s.ScalarAsync<long>("SELECT count(*) FROM mail_backfills"));
    }

    [Fact]
    public async Task Request_MailboxOfNobodyOrPeriodOutOfRange_Refused()
    {
        var manager = await _s.Services.AddUserAsync(UserRole.Manager);
        var command = _s.Services.Get<RequestMailboxBackfillCommand>();

        await Assert.ThrowsAsync<NotFoundException>(() => command.RequestAsync(manager, manager.Id, 30, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => command.RequestAsync(manager, _s.Rep.Id, 731, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => command.RequestAsync(manager, _s.Rep.Id, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Status_AnotherRepsMailbox_Forbidden()
    {
        var other = await _s.Services.AddUserAsync(UserRole.Rep);

        await Assert.ThrowsAsync<ForbiddenException>(() => _s.Services.Get<GetMailBackfillQuery>().GetMailboxAsync(other, _s.Rep.Id, CancellationToken.None));
    }
}

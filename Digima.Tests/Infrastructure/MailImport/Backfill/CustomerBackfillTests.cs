using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.MailImport.Backfill;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Accounts;
using Digima.Core.Notifications;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.MailImport.Backfill;

/// <summary>A customer created, or whose address changes, after their mail reached the rep's
/// mailbox gets that mail imported in the background (R18, decision 0027).</summary>
public sealed class CustomerBackfillTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("backfill");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private DateTimeOffset Now => _s.Services.Clock.GetUtcNow();

    [Fact]
    public async Task Backfill_CustomerAddedAfterTheFact_ImportsLastMonthsMailOnce()
    {
        var address = TestCustomers.NewAddress();
        await _s.AppendAsync("INBOX", Now.AddDays(-30), RawMail.Create(address, _s.Rep.Email, "last month", date: Now.AddDays(-30)).Text("UTF-8", "先月の問い合わせ"));
        await _s.AppendAsync("Sent", Now.AddDays(-29), RawMail.Create(_s.Rep.Email, address, "our answer", date: Now.AddDays(-29)).Text("UTF-8", "回答です"));
        await _s.AppendAsync("INBOX", Now.AddDays(-120), RawMail.Create(address, _s.Rep.Email, "too old", date: Now.AddDays(-120)).Text("UTF-8", "古い"));
        await _s.AppendAsync("INBOX", Now.AddDays(-30), RawMail.Create(TestCustomers.NewAddress(), _s.Rep.Email, "someone else", date: Now.AddDays(-30)).Text("UTF-8", "他人"));
        Assert.Equal(0, (await _s.SyncAsync()).Imported);

        var customer = await _s.AddCustomerAsync("後から登録", address);
        Assert.Equal(new CustomerBackfillProgress(1, 0, 0), await _s.ProgressAsync(customer.Id));
        Assert.Equal([MailBackfillOutcome.Done], await _s.RunQueuedAsync());

        Assert.Equal(["last month", "our answer"], (await _s.StoredAsync()).Select(m => m.Subject).Order());
        Assert.Equal(new CustomerBackfillProgress(1, 1, 2), await _s.ProgressAsync(customer.Id));
        var fields = (await _s.CustomerAsync(customer.Id))!;
        Assert.Equal(Now.AddDays(-29), fields.FirstContactAt);
        Assert.Equal(Now.AddDays(-30), fields.LastActionAt);

        // Asked again (the same request, taken again): nothing is stored twice, nor by the next sync.
        await _s.ExecuteAsync("UPDATE mail_backfills SET state = 'queued', imported = 0");
        await _s.RunQueuedAsync();
        await _s.ExecuteAsync("DELETE FROM mail_import_cursors");
        await _s.SyncAsync();
        Assert.Equal(2, (await _s.StoredAsync()).Count);
        Assert.Equal(new CustomerBackfillProgress(1, 1, 0), await _s.ProgressAsync(customer.Id));
    }

    [Fact]
    public async Task Backfill_AddressChanged_BackfillsTheNewAddress()
    {
        var actor = await _s.Services.AddUserAsync(UserRole.Rep);
        var customer = await _s.AddCustomerAsync("転職");
        await _s.RunQueuedAsync();
        var newAddress = TestCustomers.NewAddress();
        await _s.AppendAsync("INBOX", Now.AddDays(-10), RawMail.Create(newAddress, _s.Rep.Email, "from the new address", date: Now.AddDays(-10)).Text("UTF-8", "新しいアドレスから"));
        await _s.SyncAsync();
        Assert.Empty(await _s.StoredAsync());

        var input = CustomerInput.From(customer);
        input.Email = newAddress;
        Assert.True((await _s.Services.Get<SaveCustomerCommand>().SaveAsync(actor, customer.Id, input, CancellationToken.None)).Succeeded);
        Assert.Equal(new CustomerBackfillProgress(1, 0, 0), await _s.ProgressAsync(customer.Id));
        await _s.RunQueuedAsync();

        var mail = Assert.Single(await _s.StoredAsync());
        Assert.Equal("from the new address", mail.Subject);
        Assert.Equal(customer.Id, Assert.Single(mail.Customers).CustomerId);
        Assert.Equal(new CustomerBackfillProgress(1, 1, 1), await _s.ProgressAsync(customer.Id));
    }

    [Fact]
    public async Task Backfill_NeverImportListed_NothingStored()
    {
        var address = ImportScenario.NewAddress("friend", "private.test");
        await _s.Services.Get<SaveNeverImportCommand>().SaveAsync(_s.Rep, "private.test", true, CancellationToken.None);
        await _s.AppendAsync("INBOX", Now.AddDays(-5), RawMail.Create(address, _s.Rep.Email, "private", date: Now.AddDays(-5)).Text("UTF-8", "私用"));

        var customer = await _s.AddCustomerAsync("友人", address);
        await _s.RunQueuedAsync();

        Assert.Empty(await _s.StoredAsync());
        Assert.Equal(new CustomerBackfillProgress(1, 1, 0), await _s.ProgressAsync(customer.Id));
    }

    [Fact]
    public async Task Backfill_CustomerAColleagueRegistered_RepToldAndMayMakeItPrivate()
    {
        var colleague = await _s.Services.AddUserAsync(UserRole.Rep);
        var address = TestCustomers.NewAddress();
        await _s.AppendAsync("INBOX", Now.AddDays(-3), RawMail.Create(address, _s.Rep.Email, "mine", date: Now.AddDays(-3)).Text("UTF-8", "私信かも"));

        var input = new CustomerInput { LastName = "同僚の顧客", Email = address };
        var id = (await _s.Services.Get<SaveCustomerCommand>().SaveAsync(colleague, 0, input, CancellationToken.None)).Value;
        await _s.RunQueuedAsync();

        var notices = (await _s.Services.Get<ListNotificationsQuery>().ListAsync(_s.Rep, CancellationToken.None)).Items;
        Assert.Equal(id, Assert.Single(notices, n => n.Kind == NotificationKind.RecentCustomerMail).CustomerId);
        Assert.Equal(1, await _s.Services.Get<MakeCustomerMailPrivateCommand>().MakePrivateAsync(_s.Rep, id, CancellationToken.None));
        await _s.ExecuteAsync("UPDATE mail_backfills SET state = 'queued'");
        await _s.RunQueuedAsync();
        Assert.Equal(1, await _s.ScalarAsync<long>("SELECT count(*) FROM imported_mails WHERE is_private"));
        Assert.Single(await _s.StoredAsync());
    }

    [Fact]
    public async Task Backfill_MailboxSyncing_WaitsAndRunsAfter()
    {
        var address = TestCustomers.NewAddress();
        await _s.AppendAsync("INBOX", Now.AddDays(-2), RawMail.Create(address, _s.Rep.Email, "while syncing", date: Now.AddDays(-2)).Text("UTF-8", "本文"));
        var customer = await _s.AddCustomerAsync("同期中", address);

        await using (await _s.Services.Get<IMailboxSyncLock>().TryAcquireAsync(_s.Rep.Id, CancellationToken.None))
        {
            var requests = await _s.Services.Get<IMailBackfillRepository>().ClaimAsync(BackfillScenario.Lease, CancellationToken.None);
            Assert.Equal(MailBackfillOutcome.Busy, await _s.Services.Get<RunMailBackfillCommand>().RunAsync(requests, CancellationToken.None));
        }

        Assert.Equal("queued", await _s.ScalarAsync<string>("SELECT state FROM mail_backfills WHERE customer_id = @Id", new { customer.Id }));
        await _s.ExecuteAsync("UPDATE mail_backfills SET not_before = now()");
        await _s.RunQueuedAsync();
        Assert.Single(await _s.StoredAsync());
    }

    [Fact]
    public async Task Claim_TakenByOneNode_NotTakenByAnotherUntilItsLeaseRunsOut()
    {
        var customer = await _s.AddCustomerAsync("取り合い");
        var repository = _s.Services.Get<IMailBackfillRepository>();

        var first = await repository.ClaimAsync(BackfillScenario.Lease, CancellationToken.None);
        var second = await repository.ClaimAsync(BackfillScenario.Lease, CancellationToken.None);
        // The first node died: its lease ran out.
        await _s.ExecuteAsync("UPDATE mail_backfills SET lease_until = now() - interval '1 second'");
        var afterDeath = await repository.ClaimAsync(BackfillScenario.Lease, CancellationToken.None);

        Assert.Equal(customer.Id, Assert.Single(first).CustomerId);
        Assert.Empty(second);
        Assert.Equal(first.Single().Id, Assert.Single(afterDeath).Id);
    }
}

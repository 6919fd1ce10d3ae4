using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Timeline;
using Microsoft.Playwright;

namespace Digima.Tests.Support;

/// <summary>Set-up the browser tests share: reps with a connected mailbox, customers, a signed-in
/// page, and waiting until mail put into a mailbox has been imported.</summary>
public partial class AppFixture
{
    /// <summary>Adds a rep whose mailbox is connected to the local Postfix and Dovecot.</summary>
    public async Task<User> AddConnectedRepAsync(string displayName)
    {
        var rep = await AddUserAsync(UserRole.Rep, displayName);
        await TestMailboxes.ConnectAsync(App.Services, rep.AsActor());
        return rep;
    }

    /// <summary>Adds a customer with a fresh address unless one is given.</summary>
    public Task<Customer> AddCustomerAsync(string lastName, string firstName = "", string company = "", string? email = null) =>
        TestCustomers.AddAsync(App.Services, new Customer
        {
            LastName = lastName, FirstName = firstName, Company = company, Email = email ?? TestCustomers.NewAddress(),
        });

    /// <summary>A fresh browser signed in through the real sign-in page, showing
    /// <paramref name="path"/> once it is interactive.</summary>
    public async Task<IPage> OpenSignedInAsync(string email, string path)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Syncs the rep's mailbox until <paramref name="arrived"/> holds: the IDLE listener
    /// may hold the mailbox's sync lock at that moment, in which case a sync returns without importing.</summary>
    public async Task SyncUntilAsync(CurrentUser rep, Func<Task<bool>> arrived, string failure)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(arrived);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await Get<SyncMailboxCommand>().SyncAsync(rep.Id, CancellationToken.None);
            if (await arrived())
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail(failure);
    }

    /// <summary>Syncs until the rep's メールボックス tab holds <paramref name="count"/> mails.</summary>
    public Task SyncUntilImportedAsync(CurrentUser rep, MailDirection tab, int count) =>
        SyncUntilAsync(rep, async () =>
            (await Get<ListImportedMailQuery>().ListAsync(rep, rep.Id, tab, null, null, 10, CancellationToken.None)).Count >= count,
            "The mail was not imported.");

    /// <summary>Syncs until the customer's timeline holds <paramref name="count"/> rows.</summary>
    public Task SyncUntilOnTimelineAsync(CurrentUser rep, long customerId, int count) =>
        SyncUntilAsync(rep, async () =>
            (await Get<ListTimelineQuery>().ListAsync(rep, customerId, null, 50, CancellationToken.None)).Items.Count >= count,
            "The mail did not reach the timeline.");
}

using System.Text.RegularExpressions;
using Digima.Core.Accounts;
using Digima.Core.MailImport;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.MailImport;

/// <summary>The app with the backfill worker on, on a database of its own: a customer's backfill
/// searches every connected mailbox, so only this class's mailboxes are there to search.</summary>
public sealed class BackfillAppFixture() : AppFixture(new Dictionary<string, string?>
{
    ["Digima:MailImport:BackfillEnabled"] = "true",
});

/// <summary>Past mail as a rep meets it: a customer registered after the mail arrived shows the
/// backfill's progress, then the mail, on the profile without a reload; a manager backfills a
/// longer period from the sync card.</summary>
public sealed class BackfillFlowTests(BackfillAppFixture app) : IClassFixture<BackfillAppFixture>
{
    [Fact]
    public async Task Rep_AddsCustomerWhoseMailIsAlreadyInTheMailbox_SeesProgressThenTheMailOnTheTimeline()
    {
        var rep = await app.AddConnectedRepAsync("過去 取込");
        var address = TestCustomers.NewAddress();
        var sent = DateTimeOffset.UtcNow.AddDays(-20);
        var mail = RawMail.Create(address, rep.Email, "backfill-subject-k7", date: sent).Text("UTF-8", "先月いただいたお問い合わせです。");
        await RawImapAppender.AppendAsync(rep.Email, "INBOX", sent, [mail.ToBytes()]);
        // Read by the sync before the customer exists: not imported, and the sync will not read it again.
        var inbox = app.Get<IImportedMailRepository>();
        await app.SyncUntilAsync(rep.AsActor(), async () => await inbox.GetCursorAsync(rep.Id, ImportFolder.Inbox, CancellationToken.None) is { LastUid: > 0 },
            "The Inbox was not synced.");

        // The mailbox is syncing (lock held) while the customer is added: the progress stays on screen.
        var syncing = await HoldSyncLockAsync(rep.Id);
        var page = await app.OpenSignedInAsync(rep.Email, "/customers");
        await page.GetByTestId("customers-add").ClickAsync();
        var dialog = page.GetByTestId("customer-dialog");
        await dialog.GetByTestId("field-last-name").FillAsync("遅咲");
        await dialog.GetByTestId("field-email").FillAsync(address);
        await page.GetByTestId("customer-save").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/customers/*");
        var status = page.GetByTestId("customer-backfill");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex(@"過去のメールを取り込み中…（\d+/\d+ メールボックス）"));
        await Assertions.Expect(page.GetByText("backfill-subject-k7")).ToHaveCountAsync(0);
        await AppFixture.ScreenshotAsync(page, "customer-backfill-running");

        await syncing.DisposeAsync();

        await Assertions.Expect(status).ToHaveTextAsync("過去のメールを取り込みました: 1件", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("timeline-mail").Filter(new() { HasText = "backfill-subject-k7" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("profile-last-action-type")).ToContainTextAsync("メール受信");
        await AppFixture.ScreenshotAsync(page, "customer-backfill");
    }

    [Fact]
    public async Task Manager_BackfillsTwoYearsFromTheSyncCard_RepIsNotOffered()
    {
        var manager = await app.AddUserAsync(UserRole.Manager, "管理 過去");
        await TestMailboxes.ConnectAsync(app.App.Services, manager.AsActor());
        var rep = await app.AddConnectedRepAsync("担当 過去");
        var customer = await app.AddCustomerAsync("長年");
        var old = DateTimeOffset.UtcNow.AddDays(-400);
        var mail = RawMail.Create(customer.Email, manager.Email, "backfill-old-q3", date: old).Text("UTF-8", "一年以上前のやり取りです。");
        await RawImapAppender.AppendAsync(manager.Email, "INBOX", old, [mail.ToBytes()]);

        var repPage = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");
        await Assertions.Expect(repPage.GetByTestId("mailbox-sync")).ToBeVisibleAsync();
        await Assertions.Expect(repPage.GetByTestId("mailbox-backfill")).ToHaveCountAsync(0);

        var page = await app.OpenSignedInAsync(manager.Email, "/settings/mailbox");
        var panel = page.GetByTestId("mailbox-backfill");
        await panel.GetByText("2年").ClickAsync();
        await panel.GetByTestId("backfill-start").ClickAsync();

        await Assertions.Expect(panel.GetByTestId("backfill-status")).ToHaveTextAsync("過去のメールを取り込みました: 1件", new() { Timeout = 30_000 });
        await panel.ScrollIntoViewIfNeededAsync();
        await AppFixture.ScreenshotAsync(page, "mailbox-backfill");
        var profile = await app.OpenSignedInAsync(manager.Email, $"/customers/{customer.Id}");
        await Assertions.Expect(profile.GetByTestId("timeline-mail").Filter(new() { HasText = "backfill-old-q3" })).ToHaveCountAsync(1);
    }

    private async Task<IAsyncDisposable> HoldSyncLockAsync(long userId)
    {
        var locks = app.Get<IMailboxSyncLock>();
        // The IDLE listener may be syncing right now: wait for its end.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await locks.TryAcquireAsync(userId, CancellationToken.None) is { } lease)
            {
                return lease;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The mailbox's sync lock was never free.");
    }
}

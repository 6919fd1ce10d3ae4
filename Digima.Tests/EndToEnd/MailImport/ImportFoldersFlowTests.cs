using Dapper;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.MailImport;

/// <summary>A rep chooses a folder to import on the mailbox page, syncs, reads the folder's
/// totals and runs 「完全に再同期」 (issue "Import that misses nothing", B5).</summary>
[Collection(AppCollection.Name)]
public sealed class ImportFoldersFlowTests(AppFixture app)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_ChoosesArchive_SyncsSeesTotalsAndResyncs()
    {
        var rep = await app.AddConnectedRepAsync("フォルダ 選択");
        var customer = await app.AddCustomerAsync("保管");
        await RawImapAppender.CreateAsync(rep.Email, "Archive");
        await TestMailboxes.AppendAsync(rep.Email, TestMailboxes.HtmlMessage(customer.Email, rep.Email, "保管した見積り", "<p>保管</p>"), "Archive");
        await TestMailboxes.AppendAsync(rep.Email, TestMailboxes.HtmlMessage("friend@private.test", rep.Email, "私用", "<p>私用</p>"), "Archive");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");
        var folders = page.GetByTestId("import-folders");
        await Assertions.Expect(folders).ToHaveAttributeAsync("data-interactive", "yes");

        await Assertions.Expect(folders.GetByTestId("import-folder-INBOX").Locator("input")).ToBeCheckedAsync();
        await Assertions.Expect(folders.GetByTestId("import-folder-Archive").Locator("input")).Not.ToBeCheckedAsync();
        await folders.GetByTestId("import-folder-Archive").Locator("input").CheckAsync();
        await folders.GetByTestId("import-folders-save").ClickAsync();
        await Assertions.Expect(page.GetByText("取り込むフォルダを保存しました。", new() { Exact = false })).ToBeVisibleAsync();

        var card = page.GetByTestId("mailbox-sync");
        await card.GetByTestId("settings-sync-now").ClickAsync();
        var archive = card.GetByTestId("sync-folder-Archive");
        await Assertions.Expect(archive.GetByTestId("sync-server")).ToHaveTextAsync("2", new() { Timeout = 15_000 });
        await Assertions.Expect(archive.GetByTestId("sync-seen")).ToHaveTextAsync("2");
        await Assertions.Expect(archive.GetByTestId("sync-imported")).ToHaveTextAsync("1");
        await Assertions.Expect(archive.GetByTestId("sync-no-customer")).ToHaveTextAsync("1");

        // The mail goes missing from the app (not deleted by the rep): 完全に再同期 finds it again, once.
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM imported_mails WHERE user_id = @Id", new { rep.Id });
        }

        await archive.GetByTestId("resync").ClickAsync();
        await Assertions.Expect(card.GetByTestId("resync-report")).ToHaveTextAsync("1件を新たに取り込みました。0件は取り込み済みでした。重複はありません。", new() { Timeout = 15_000 });
        await Assertions.Expect(archive.GetByTestId("sync-imported")).ToHaveTextAsync("1");
        // The card whole, without the snackbars of the steps before over its table.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await card.EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await AppFixture.ScreenshotAsync(page, "mailbox-sync-card");

        await archive.GetByTestId("resync").ClickAsync();
        await Assertions.Expect(card.GetByTestId("resync-report")).ToHaveTextAsync("0件を新たに取り込みました。1件は取り込み済みでした。重複はありません。", new() { Timeout = 15_000 });
        await using (var connection = await app.Database.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM imported_mails WHERE user_id = @Id", new { rep.Id }));
        }
    }
}

using System.Text;
using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Core.MailImport;
using Digima.Core.MailImport.Privacy;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Support;
using Microsoft.Playwright;
using static Digima.Tests.Infrastructure.MailImport.AttachmentFixtures;

namespace Digima.Tests.EndToEnd.MailImport;

/// <summary>Attachments of received mail opened from the preview as a rep does: saved as files
/// byte for byte under their Japanese names, hostile ones (HTML, SVG, an .exe called .pdf) too,
/// none ever shown or run; the download only for who may read the mail.</summary>
[Collection(AppCollection.Name)]
public sealed class AttachmentDownloadTests(AppFixture app)
{
    [Fact]
    public async Task Preview_RepClicksJapaneseAttachment_SavedByteIdenticalUnderItsName()
    {
        var rep = await app.AddConnectedRepAsync("添付 担当");
        var customer = await app.AddCustomerAsync("添付");
        var content = Pdf(300_000, 21);
        var subject = $"mitsumori-{Guid.NewGuid():N}"[..20];
        await ImportAsync(rep, RawMail.Create(customer.Email, rep.Email, subject), Rfc2231("御見積書①.pdf", "application/pdf", content));

        var page = await OpenPreviewAsync(rep, subject);
        var link = page.GetByTestId("mail-preview").GetByTestId("attachment-link");
        await Assertions.Expect(link).ToHaveTextAsync("御見積書①.pdf");
        await Assertions.Expect(page.GetByTestId("mail-preview").GetByTestId("attachment")).ToContainTextAsync("293 KB");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());

        Assert.Equal("御見積書①.pdf", download.SuggestedFilename);
        Assert.Equal(content, await File.ReadAllBytesAsync(await download.PathAsync()));

        // The customer's timeline (「更に表示」) and 「スレッドを表示」 offer the same file.
        await page.GetByTestId("preview-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-preview")).ToHaveCountAsync(0);
        await page.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        var entry = page.GetByTestId("timeline-mail").Filter(new() { HasText = subject });
        await entry.GetByTestId("timeline-more").ClickAsync();
        var fromTimeline = await page.RunAndWaitForDownloadAsync(() => entry.GetByTestId("attachment-link").ClickAsync());
        Assert.Equal(content, await File.ReadAllBytesAsync(await fromTimeline.PathAsync()));
        await entry.GetByTestId("timeline-thread").ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread-dialog").GetByTestId("attachment-link")).ToHaveTextAsync("御見積書①.pdf");
        await page.GetByTestId("thread-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread-dialog")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Preview_HostileAttachments_SavedAsFiles_NeverShownNorRun()
    {
        var rep = await app.AddConnectedRepAsync("危険 添付");
        var customer = await app.AddCustomerAsync("危険");
        const string script = "<script>window.top.document.title='pwned';window.top.__pwned=true;</script>";
        var html = Encoding.UTF8.GetBytes($"<html><body><h1>請求書</h1>{script}</body></html>");
        var svg = Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.top.__pwned=true\">{script}</svg>");
        var exe = Pdf(4_000, 22);
        "MZ"u8.CopyTo(exe);
        var subject = $"hostile-{Guid.NewGuid():N}"[..18];
        await ImportAsync(rep, RawMail.Create(customer.Email, rep.Email, subject),
            Rfc2231("invoice.html", "text/html", html), Rfc2231("chart.svg", "image/svg+xml", svg), Rfc2231("請求書.pdf", "application/pdf", exe));

        var page = await OpenPreviewAsync(rep, subject);
        var title = await page.TitleAsync();
        var url = page.Url;
        var links = page.GetByTestId("mail-preview").GetByTestId("attachment-link");
        await Assertions.Expect(links).ToHaveCountAsync(3);
        foreach (var (name, bytes, index) in new[] { ("invoice.html", html, 0), ("chart.svg", svg, 1), ("請求書.pdf", exe, 2) })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => links.Nth(index).ClickAsync());
            Assert.Equal(name, download.SuggestedFilename);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(await download.PathAsync()));
        }

        // Still the preview, in the one page, and nothing ran.
        await Assertions.Expect(page.GetByTestId("mail-preview")).ToBeVisibleAsync();
        Assert.Equal(url, page.Url);
        Assert.Single(page.Context.Pages);
        Assert.Equal(title, await page.TitleAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === true"));

        // Even opened directly, the browser saves the HTML rather than showing it.
        var id = (await StoredAsync(rep, subject)).Attachments[0].FileId!.Value;
        var direct = await page.Context.NewPageAsync();
        var error = await Assert.ThrowsAsync<PlaywrightException>(() => direct.GotoAsync($"/attachments/{id}"));
        Assert.Contains("Download is starting", error.Message, StringComparison.Ordinal);
        Assert.NotEqual("pwned", await direct.TitleAsync());
        await direct.CloseAsync();
    }

    [Fact]
    public async Task Download_HeadersAndWhoMayRead_OthersGetNotFound()
    {
        var rep = await app.AddConnectedRepAsync("権限 担当");
        var colleague = await app.AddUserAsync(UserRole.Rep, "権限 同僚");
        var manager = await app.AddUserAsync(UserRole.Manager, "権限 管理");
        var customer = await app.AddCustomerAsync("権限");
        var content = Pdf(70_000, 23);
        var subject = $"rights-{Guid.NewGuid():N}"[..17];
        await ImportAsync(rep, RawMail.Create(customer.Email, rep.Email, subject), Rfc2231("契約書.pdf", "application/pdf", content));
        var mail = await StoredAsync(rep, subject);
        var id = mail.Attachments[0].FileId!.Value;

        var owner = await app.OpenSignedInAsync(rep.Email, "/");
        var response = await owner.APIRequest.GetAsync($"/attachments/{id}");
        Assert.Equal(200, response.Status);
        Assert.Equal(content, await response.BodyAsync());
        var headers = response.Headers;
        Assert.StartsWith("attachment;", headers["content-disposition"], StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''%E5%A5%91%E7%B4%84%E6%9B%B8.pdf", headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("application/pdf", headers["content-type"]);
        Assert.Equal("70000", headers["content-length"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Contains("sandbox", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("no-store", headers["cache-control"], StringComparison.Ordinal);
        Assert.Contains("private", headers["cache-control"], StringComparison.Ordinal);

        var boss = await app.OpenSignedInAsync(manager.Email, "/");
        Assert.Equal(200, (await boss.APIRequest.GetAsync($"/attachments/{id}")).Status);

        // A colleague reads the customer's timeline, so the mail's files too, until the rep makes it 「非公開」.
        var other = await app.OpenSignedInAsync(colleague.Email, "/");
        Assert.Equal(200, (await other.APIRequest.GetAsync($"/attachments/{id}")).Status);
        await app.Get<SetMailPrivateCommand>().SetAsync(rep.AsActor(), mail.Id, true, CancellationToken.None);
        Assert.Equal(404, (await other.APIRequest.GetAsync($"/attachments/{id}")).Status);
        Assert.Equal(200, (await boss.APIRequest.GetAsync($"/attachments/{id}")).Status);

        // A colleague's upload not sent yet is theirs alone; a file that does not exist looks the same.
        var loose = await app.Get<IAttachmentStore>().SaveAsync(
            new NewStoredFile(colleague.Id, "下書き.pdf", "application/pdf", DateTimeOffset.UtcNow), new MemoryStream(content), long.MaxValue, CancellationToken.None);
        Assert.Equal(404, (await owner.APIRequest.GetAsync($"/attachments/{loose!.Id}")).Status);
        Assert.Equal(404, (await boss.APIRequest.GetAsync($"/attachments/{loose.Id}")).Status);
        Assert.Equal(200, (await other.APIRequest.GetAsync($"/attachments/{loose.Id}")).Status);
        Assert.Equal(404, (await owner.APIRequest.GetAsync($"/attachments/{loose.Id + 1_000_000}")).Status);

        var anonymous = await app.NewPageAsync();
        var signedOut = await anonymous.APIRequest.GetAsync($"/attachments/{id}", new() { MaxRedirects = 0 });
        Assert.Equal(302, signedOut.Status);
        Assert.Contains("/account/login", signedOut.Headers["location"], StringComparison.Ordinal);
    }

    private async Task ImportAsync(User rep, RawMail mail, params Part[] parts)
    {
        await RawImapAppender.AppendAsync(rep.Email, "INBOX", null, [With(mail, "添付をお送りします。", parts).ToBytes()]);
        await app.SyncUntilImportedAsync(rep.AsActor(), MailDirection.Received, 1);
    }

    private async Task<ImportedMail> StoredAsync(User rep, string subject)
    {
        var actor = rep.AsActor();
        var row = Assert.Single(await app.Get<ListImportedMailQuery>().ListAsync(actor, actor.Id, MailDirection.Received, null, null, 10, CancellationToken.None), r => r.Subject == subject);
        return (await app.Get<GetImportedMailQuery>().GetAsync(actor, row.Id, CancellationToken.None)).Mail;
    }

    private async Task<IPage> OpenPreviewAsync(User rep, string subject)
    {
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/mailbox");
        var row = page.GetByTestId("mail-list-received").GetByTestId("mail-row").Filter(new() { HasText = subject });
        await row.GetByTestId("mail-subject").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-preview").GetByTestId("attachment").First).ToBeVisibleAsync();
        return page;
    }
}

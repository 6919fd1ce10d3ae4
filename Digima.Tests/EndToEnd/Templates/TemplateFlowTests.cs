using Digima.Core.Accounts;
using Digima.Core.Templates;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Templates;

[Collection(AppCollection.Name)]
public sealed class TemplateFlowTests(AppFixture app)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_CreatesTemplateWithMergeToken_ComposeLoadsItAndPreviewFillsIt()
    {
        var rep = await app.AddConnectedRepAsync("雛形 作成");
        var customer = await app.AddCustomerAsync("東雲");
        await AddSharedTemplateAsync("【共有】セミナーのご案内", "{{会社名}} {{姓}}様 オンラインセミナーのご案内");
        var page = await app.OpenSignedInAsync(rep.Email, "/templates");

        await page.GetByTestId("template-new").ClickAsync();
        var dialog = page.GetByTestId("template-dialog");
        await dialog.GetByTestId("template-name").FillAsync("展示会後のお礼");
        await dialog.GetByTestId("template-subject").FillAsync("{{姓}}様 先日はありがとうございました");
        await dialog.GetByTestId("template-body").FillAsync("{{姓}}様\n\n展示会ではブースにお立ち寄りいただき、ありがとうございました。");
        await page.GetByTestId("template-save").ClickAsync();
        var row = page.GetByTestId("template-table").Locator("tbody tr").Filter(new() { HasText = "展示会後のお礼" });
        await Assertions.Expect(row).ToContainTextAsync("{{姓}}様 先日はありがとうございました");
        await Assertions.Expect(row.GetByTestId("template-scope")).ToHaveTextAsync("個人");
        // Reloaded so the screenshot is not covered by the 「保存しました」 snackbar.
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("template-table").Locator("tbody tr").Filter(new() { HasText = "セミナー" }).GetByTestId("template-scope")).ToHaveTextAsync("共有");
        await AppFixture.ScreenshotAsync(page, "templates");

        await page.GotoAsync($"/mail/compose?to={customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("template-use").ClickAsync();
        var picker = page.GetByTestId("template-picker");
        await picker.GetByTestId("template-picker-search").FillAsync("展示会");
        // Click only once the search has re-rendered the list: a row clicked during that render is replaced and the click lost.
        await Assertions.Expect(picker.GetByTestId("template-picker-row")).ToHaveCountAsync(1);
        await picker.GetByTestId("template-picker-row").Filter(new() { HasText = "展示会後のお礼" }).GetByTestId("template-select").ClickAsync();
        await Assertions.Expect(picker).ToHaveCountAsync(0);

        await AppFixture.OrScreenshotAsync(page, "template-compose-failure",
            () => Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("{{姓}}様 先日はありがとうございました"));
        await Assertions.Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync("東雲様 先日はありがとうございました");
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("東雲様");
        await Assertions.Expect(page.GetByTestId("preview-body")).Not.ToContainTextAsync("{{姓}}");
    }

    /// <summary>A manager's template shared with the team, so the list shows both kinds.</summary>
    private async Task AddSharedTemplateAsync(string name, string subject)
    {
        var manager = await app.AddUserAsync(UserRole.Manager, "営業 部長");
        var actor = manager.AsActor();
        var input = new TemplateInput { Name = name, Subject = subject, Body = "{{姓}}様\n\nセミナーのご案内です。", IsShared = true };
        Assert.True((await app.Get<SaveTemplateCommand>().SaveAsync(actor, 0, input, CancellationToken.None)).Succeeded);
    }
}

using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
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
        var rep = await app.AddUserAsync(UserRole.Rep, "雛形 作成");
        await TestMailboxes.ConnectAsync(app.App.Services, new CurrentUser(rep.Id, rep.Email, rep.DisplayName, rep.Role, rep.TimeZoneId, rep.Language));
        var customer = new Customer { LastName = "東雲", Email = $"c.{Guid.NewGuid():N}"[..14] + "@customer.test" };
        customer = customer with { Id = await app.Get<ICustomerRepository>().InsertAsync(customer, CancellationToken.None) };
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);
        await page.GotoAsync("/templates");
        await AppFixture.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("templates-empty")).ToBeVisibleAsync();
        await page.GetByTestId("template-new").ClickAsync();
        var dialog = page.GetByTestId("template-dialog");
        await dialog.GetByTestId("template-name").FillAsync("展示会後のお礼");
        await dialog.GetByTestId("template-subject").FillAsync("{{姓}}様 先日はありがとうございました");
        await dialog.GetByTestId("template-body").FillAsync("{{姓}}様\n\n展示会ではブースにお立ち寄りいただき、ありがとうございました。");
        await page.GetByTestId("template-save").ClickAsync();
        var row = page.GetByTestId("template-table").Locator("tbody tr").Filter(new() { HasText = "展示会後のお礼" });
        await Assertions.Expect(row).ToContainTextAsync("{{姓}}様 先日はありがとうございました");
        await Assertions.Expect(row.GetByTestId("template-scope")).ToHaveTextAsync("個人");
        await AppFixture.ScreenshotAsync(page, "templates");

        await page.GotoAsync($"/mail/compose?to={customer.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("template-use").ClickAsync();
        var picker = page.GetByTestId("template-picker");
        await picker.GetByTestId("template-picker-search").FillAsync("展示会");
        await picker.GetByTestId("template-picker-row").Filter(new() { HasText = "展示会後のお礼" }).GetByTestId("template-select").ClickAsync();

        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("{{姓}}様 先日はありがとうございました");
        await Assertions.Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync("東雲様 先日はありがとうございました");
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync("東雲様");
        await Assertions.Expect(page.GetByTestId("preview-body")).Not.ToContainTextAsync("{{姓}}");
    }
}

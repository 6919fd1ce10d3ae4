using Digima.Core.Accounts;
using Digima.Core.Compose.Drafts;
using Digima.Core.Customers;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>A draft survives the app process itself: killed for real (SIGKILL) while the rep types,
/// started again, and the browser's reconnect brings the draft back as last saved.</summary>
[Collection(AppCollection.Name)]
public sealed class DraftRestartTests(AppFixture app)
{
    private static readonly string LongBody = string.Concat(Enumerable.Range(1, 120).Select(i => $"{i}行目：いつもお世話になっております。お見積りの件、ご確認のほどよろしくお願いいたします。\n"));

    [Fact]
    public async Task Compose_AppProcessKilledMidTyping_RestartedAppReopensDraftAsLastSaved()
    {
        await using var services = await ServiceHarness.CreateAsync("draft-kill");
        var rep = await services.AddUserAsync(UserRole.Rep, $"kill.{Guid.NewGuid():N}"[..14] + "@digima.test");
        var customer = new Customer { LastName = "停電", Email = TestCustomers.NewAddress() };
        customer = customer with { Id = await services.Get<ICustomerRepository>().InsertAsync(customer, CancellationToken.None) };
        var baseUrl = $"http://127.0.0.1:{DraftScenario.FreePort()}";
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Digima__Outbox__Enabled"] = "false",
            ["Digima__MailImport__ScheduleEnabled"] = "false",
            ["Digima__MailImport__IdleEnabled"] = "false",
            ["Digima__MailImport__BackfillEnabled"] = "false",
        };
        var node = AppNodeProcess.Start(services.Database.ConnectionString, settings);
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        context.SetDefaultTimeout(15_000);
        try
        {
            await DraftScenario.WaitHealthyAsync(baseUrl, node);
            var page = await context.NewPageAsync();
            await AppFixture.SignInAsync(page, rep.Email, "correct-horse-1");
            await page.GotoAsync($"/mail/compose?to={customer.Id}");
            await AppFixture.WaitInteractiveAsync(page);

            await page.GetByText("開封・通知設定").ClickAsync();
            await page.GetByRole(AriaRole.Switch, new() { Name = "開封をトラッキングする" }).ClickAsync();
            await page.GetByTestId("compose-subject").FillAsync("停電に強いご案内");
            await page.GetByTestId("compose-body").FillAsync(LongBody);
            var draftId = await DraftScenario.WaitSavedAsync(page);
            await DraftScenario.WaitStoredAsync(services.Get<GetDraftQuery>(), rep, draftId, d => d.Content.Input.Body == LongBody);
            await page.EvaluateAsync("window.typedBeforeKill = true");
            await page.GetByTestId("compose-body").PressSequentiallyAsync("ここで途切れる");
            node.Kill();
            await node.DisposeAsync();

            // The browser's own reconnect finds the circuit gone on the new process and reloads
            // the address compose moved to: the draft comes back without the rep doing anything.
            node = AppNodeProcess.Start(services.Database.ConnectionString, settings);
            await DraftScenario.WaitHealthyAsync(baseUrl, node);
            await page.WaitForFunctionAsync("() => window.typedBeforeKill === undefined", null, new() { Timeout = 60_000 });
            await AppFixture.WaitForUrlAsync(page, $"**/mail/compose?draft={draftId}");
            await AppFixture.WaitInteractiveAsync(page);

            var stored = (await services.Get<GetDraftQuery>().GetAsync(rep, draftId, CancellationToken.None)).Content.Input;
            Assert.StartsWith(LongBody, stored.Body, StringComparison.Ordinal);
            await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("停電に強いご案内");
            await Assertions.Expect(page.GetByTestId("compose-body")).ToHaveValueAsync(stored.Body);
            await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(customer.Email);
            await Assertions.Expect(page.GetByTestId("draft-saved")).ToContainTextAsync("下書きを保存しました");
            await page.GetByText("開封・通知設定").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "開封をトラッキングする" })).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "リンクのクリックをトラッキングする" })).Not.ToBeCheckedAsync();
        }
        finally
        {
            await node.DisposeAsync();
        }
    }
}

using Digima.Core.Compose;
using Digima.Core.Scheduling;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Mail;

[Collection(AppCollection.Name)]
public sealed class RecipientColumnTests(AppFixture app)
{
    [Fact]
    public async Task IndividualMail_ManyRecipients_LinesBreakBetweenNamesNeverInside()
    {
        var user = await app.AddConnectedRepAsync("宛先 折返し");
        var rep = user.AsActor();
        var to = new List<ComposeRecipient>();
        foreach (var (last, first) in new[] { ("阿部", "綾香"), ("伊集院", "光太郎"), ("宇都宮", "真由美"), ("江口", "健一"), ("小野寺", "里美"), ("加賀美", "奈緒子") })
        {
            var c = await app.AddCustomerAsync(last, first);
            to.Add(new ComposeRecipient(c.Id, c.Email, c.FullName));
        }

        var input = new ComposeInput { To = to, Subject = "宛先の多いご案内", Body = "{{姓}} 様" };
        var scheduled = await app.Get<ScheduleMailCommand>().ScheduleAsync(
            rep, input, SendTimeRules.NextBusinessDayNine(DateTimeOffset.UtcNow, "Asia/Tokyo"), "Asia/Tokyo", CancellationToken.None);
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors));

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(900, 900);
        await AppFixture.SignInAsync(page, rep.Email);
        await page.GotoAsync("/mail/individual");
        await AppFixture.WaitInteractiveAsync(page);
        var cell = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "宛先の多いご案内" }).GetByTestId("mail-to");
        await Assertions.Expect(cell).ToContainTextAsync("加賀美 奈緒子");

        Assert.True(await PageText.LinesAsync(cell) > 1, "the column is wide enough for every name: the test proves nothing");
        var names = cell.Locator(".recipient-name");
        await Assertions.Expect(names).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(1, await PageText.LinesAsync(names.Nth(i)));
        }

        await Assertions.Expect(cell).ToHaveTextAsync("阿部 綾香、伊集院 光太郎、宇都宮 真由美、江口 健一、小野寺 里美、加賀美 奈緒子");
        await AppFixture.ScreenshotAsync(page, "individual-mail-recipients");
    }
}

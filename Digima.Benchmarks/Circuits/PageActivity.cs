using Microsoft.Playwright;

namespace Digima.Benchmarks.Circuits;

/// <summary>What the tabs that are not timed do meanwhile, as reps would: scroll a customer's
/// timeline (each scroll loads the rows that come into view), or open mail in メールボックス and
/// close it again.</summary>
internal static class PageActivity
{
    public static async Task ScrollTimelineAsync(IPage page, CancellationToken stop)
    {
        var down = true;
        while (!stop.IsCancellationRequested)
        {
            await page.EvaluateAsync($"() => {{ const s = document.querySelector('[data-testid=timeline-scroll]'); (s.scrollHeight > s.clientHeight ? s : document.scrollingElement).scrollBy(0, {(down ? 1500 : -1500)}); }}");
            down = !down;
            await Task.Delay(700, CancellationToken.None);
        }
    }

    public static async Task OpenPreviewsAsync(IPage page, CancellationToken stop)
    {
        var row = 0;
        var subjects = page.GetByTestId("mail-subject");
        while (!stop.IsCancellationRequested)
        {
            var count = await subjects.CountAsync();
            await subjects.Nth(row++ % Math.Max(1, count)).ClickAsync();
            await page.GetByTestId("mail-preview").WaitForAsync();
            await page.GetByTestId("preview-close").ClickAsync();
            await Assertions.Expect(page.GetByTestId("mail-preview")).ToHaveCountAsync(0);
            await Task.Delay(500, CancellationToken.None);
        }
    }
}

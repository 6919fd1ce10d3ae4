using Microsoft.Playwright;

namespace Digima.Benchmarks.Circuits;

/// <summary>One headless Chromium and a signed-in tab per rep (a browser context each, so every tab
/// has its own session and circuit, as the reps' own browsers would).</summary>
internal sealed class BenchTabs : IAsyncDisposable
{
    /// <summary>Tabs opened or signed in at once: more only queues on this machine's two cores.</summary>
    private const int Parallel = 4;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BenchTabs(IPlaywright playwright, IBrowser browser, IReadOnlyList<IPage> pages)
    {
        _playwright = playwright;
        _browser = browser;
        Pages = pages;
    }

    public IReadOnlyList<IPage> Pages { get; }

    public static async Task<BenchTabs> SignInAsync(string baseUrl, IReadOnlyList<string> emails, string password)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DIGIMA_TEST_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                // Tabs in the background must keep their timers and their connection as a rep's open tabs do.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
        var pages = new IPage[emails.Count];
        await ForEachAsync(Enumerable.Range(0, emails.Count), async i =>
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
            context.SetDefaultTimeout(120_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.GetByLabel("メールアドレス").FillAsync(emails[i]);
            await page.GetByLabel("パスワード").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
            await page.Locator("[data-interactive='yes']").WaitForAsync();
            await page.GotoAsync("about:blank");
            pages[i] = page;
        });
        return new BenchTabs(playwright, browser, pages);
    }

    /// <summary>Opens <paramref name="path"/> in the given tabs and waits until each is interactive
    /// and shows <paramref name="ready"/>.</summary>
    public static Task OpenAsync(IEnumerable<IPage> pages, string path, string ready) =>
        ForEachAsync(pages, async page =>
        {
            await page.GotoAsync(path);
            await page.Locator("[data-interactive='yes']").WaitForAsync();
            await page.Locator(ready).First.WaitForAsync();
        });

    /// <summary>Leaves the app: the page unloads, and its circuit ends.</summary>
    public static Task CloseAsync(IEnumerable<IPage> pages) => ForEachAsync(pages, page => page.GotoAsync("about:blank"));

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action) =>
        System.Threading.Tasks.Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (item, _) => await action(item));
}

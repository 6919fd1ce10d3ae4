using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

namespace Digima.Benchmarks.Compose;

/// <summary>The attachment uploaded the way a rep does it: the compose page's 「ファイルを添付」 in a
/// real Chromium, timed from handing the browser the file to the attachment listed (uploaded and
/// stored), with the app's resident memory sampled meanwhile. The same bytes POSTed to the same
/// endpoint by a plain HTTP client (the signed-in page's cookies and token) are the baseline.</summary>
internal static class BrowserUpload
{
    public sealed record Result(Stats Browser, Stats PlainHttp, IReadOnlyList<long> MemoryGrowthBytes);

    public static async Task<Result> RunAsync(AppUnderBench app, string email, string password, long customerId, string filePath, int rounds)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DIGIMA_TEST_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.Locator("[data-interactive='yes']").WaitForAsync();
        await page.GotoAsync($"/mail/compose?to={customerId}");
        await page.Locator("[data-interactive='yes']").WaitForAsync();

        var browserMs = new List<double>();
        var growth = new List<long>();
        var attachments = page.GetByTestId("attachment");
        for (var round = -1; round < rounds; round++)
        {
            var (elapsed, before, peak) = await MemoryPeak.DuringAsync(app.ResidentBytes, async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await page.GetByTestId("attachment-input").SetInputFilesAsync(filePath);
                await Assertions.Expect(attachments).ToHaveCountAsync(1, new() { Timeout = 60_000 });
                await Assertions.Expect(page.GetByTestId("attachment-uploading")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            });
            await attachments.GetByTestId("attachment-remove").ClickAsync();
            await Assertions.Expect(attachments).ToHaveCountAsync(0);
            if (round >= 0)
            {
                browserMs.Add(elapsed);
                growth.Add(peak - before);
            }
        }

        var plain = await PlainHttpAsync(app, page, context, filePath, rounds);
        await context.CloseAsync();
        return new Result(Stats.Of(browserMs), plain, growth);
    }

    private static async Task<Stats> PlainHttpAsync(AppUnderBench app, IPage page, IBrowserContext context, string filePath, int rounds)
    {
        var token = await page.EvaluateAsync<string>("() => document.querySelector(\"input[name='__RequestVerificationToken']\").value");
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookies.Add(new Uri(app.BaseUrl), new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var times = new List<double>();
        for (var round = -1; round < rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var file = File.OpenRead(filePath);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/attachments?name=" + Uri.EscapeDataString(Path.GetFileName(filePath)) + "&attached=0")
            {
                Content = new StreamContent(file),
            };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            request.Headers.Add("RequestVerificationToken", token);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Plain upload refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            if (round >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return Stats.Of(times);
    }
}

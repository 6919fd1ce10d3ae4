using System.Net;
using System.Net.Sockets;
using Digima.Core.Common;
using Digima.Core.Compose.Drafts;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>Steps shared by the 「下書き」 browser tests.</summary>
internal static class DraftScenario
{
    /// <summary>Waits for 「下書きを保存しました HH:mm」 and the address compose moves to, and returns the draft's id.</summary>
    public static async Task<long> WaitSavedAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("draft-saved")).ToContainTextAsync("下書きを保存しました");
        await AppFixture.WaitForUrlAsync(page, "**/mail/compose?draft=*");
        return long.Parse(page.Url[(page.Url.IndexOf("draft=", StringComparison.Ordinal) + 6)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the stored draft satisfies <paramref name="stored"/> (saves are asynchronous to what the browser shows).</summary>
    public static async Task<MailDraft> WaitStoredAsync(GetDraftQuery drafts, CurrentUser rep, long draftId, Func<MailDraft, bool> stored)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var draft = await drafts.GetAsync(rep, draftId, CancellationToken.None);
            if (stored(draft))
            {
                return draft;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The stored draft never matched; it holds: {draft.Content.Input.Subject} / {draft.Content.Input.Body[..Math.Min(80, draft.Content.Input.Body.Length)]}");
            await Task.Delay(200);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until a node started as a process answers its health check.</summary>
    public static async Task WaitHealthyAsync(string baseUrl, AppNodeProcess node)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline && !node.HasExited, "The app did not start:\n" + node.Output);
            await Task.Delay(250);
        }
    }
}

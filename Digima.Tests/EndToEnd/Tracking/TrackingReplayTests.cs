using System.Net;
using Dapper;
using Digima.Tests.Support;

namespace Digima.Tests.EndToEnd.Tracking;

/// <summary>Tracking addresses replayed by a machine: each client is limited, repeats count once,
/// and the customer's timeline does not grow with them; a real reader is still served and counted.</summary>
[Collection(AppCollection.Name)]
public sealed class TrackingReplayTests(AppFixture app)
{
    private const string Replayer = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Replay";
    private const int Burst = 60;

    [Fact]
    public async Task Replay_SixtyPixelFetchesInABurst_OneRowNoTimelineRowExcess429ReaderStillCounted()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "中村 連打", "価格改定のお知らせ");
        var before = await TimelineRowsAsync(sent);

        var statuses = await BurstAsync(sent.PixelPath, client: 51);

        Assert.Equal(1, await EventsAsync(sent, "open"));
        Assert.Equal(before, await TimelineRowsAsync(sent));
        Assert.Equal(Burst, statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
        // 20 at once, then one every half second however long the burst takes.
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= Burst / 2, string.Join(",", statuses));

        using var reader = TrackingClient.Create(app.BaseUrl, TrackingFlowTests.Chrome, client: 52);
        using var image = await reader.GetAsync(sent.PixelPath);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/gif", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, await EventsAsync(sent, "open"));
        Assert.Equal(before, await TimelineRowsAsync(sent));
    }

    [Fact]
    public async Task Replay_SixtyClicksInABurst_OneRowOneTimelineEventExcess429ReaderStillRedirected()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "小林 連打", "展示会のご招待");
        var before = await TimelineRowsAsync(sent);

        var statuses = await BurstAsync(sent.LinkPath, client: 53);

        Assert.Equal(1, await EventsAsync(sent, "click"));
        Assert.Equal(before + 1, await TimelineRowsAsync(sent));
        Assert.Equal(Burst, statuses.Count(s => s is HttpStatusCode.Redirect or HttpStatusCode.TooManyRequests));
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= Burst / 2, string.Join(",", statuses));

        using var reader = TrackingClient.Create(app.BaseUrl, TrackingFlowTests.Chrome, client: 54);
        using var click = await reader.GetAsync(sent.LinkPath);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal(TrackedMailScenario.Link, click.Headers.Location?.OriginalString);
        Assert.Equal(2, await EventsAsync(sent, "click"));
        Assert.Equal(before + 1, await TimelineRowsAsync(sent));
    }

    [Fact]
    public async Task Fetch_SameClientAgainWithinWindow_CountsOnceAndStillServed()
    {
        var sent = await TrackedMailScenario.SendAsync(app, "加藤 再読込", "会議資料の件");
        using var reader = TrackingClient.Create(app.BaseUrl, TrackingFlowTests.Chrome, client: 55);

        for (var i = 0; i < 3; i++)
        {
            using var image = await reader.GetAsync(sent.PixelPath);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            using var click = await reader.GetAsync(sent.LinkPath);
            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        }

        Assert.Equal(1, await EventsAsync(sent, "open"));
        Assert.Equal(1, await EventsAsync(sent, "click"));
    }

    [Fact]
    public async Task Click_LinkWithNonAsciiCharacters_RedirectsToEncodedUrl()
    {
        var rep = await app.AddConnectedRepAsync("吉田 日本語");
        var sent = await TrackedMailScenario.SendAsync(app, rep, "製品ページのご案内", link: "https://example.co.jp/製品/カタログ?種類=見積");
        using var reader = TrackingClient.Create(app.BaseUrl, TrackingFlowTests.Chrome, client: 56);

        using var click = await reader.GetAsync(sent.LinkPath);

        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal(
            "https://example.co.jp/%E8%A3%BD%E5%93%81/%E3%82%AB%E3%82%BF%E3%83%AD%E3%82%B0?%E7%A8%AE%E9%A1%9E=%E8%A6%8B%E7%A9%8D",
            click.Headers.Location?.OriginalString);
        Assert.Equal(1, await EventsAsync(sent, "click"));
    }

    private async Task<HttpStatusCode[]> BurstAsync(string path, int client)
    {
        using var http = TrackingClient.Create(app.BaseUrl, Replayer, client);
        return await Task.WhenAll(Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }));
    }

    private async Task<int> EventsAsync(TrackedMailScenario sent, string kind)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM tracking_events WHERE mail_id = @Id AND kind = @kind", new { sent.Mail.Id, kind });
    }

    private async Task<int> TimelineRowsAsync(TrackedMailScenario sent)
    {
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM customer_timeline WHERE customer_id = @Id", new { sent.Customer.Id });
    }
}

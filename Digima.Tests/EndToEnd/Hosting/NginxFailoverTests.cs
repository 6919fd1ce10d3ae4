using Digima.Tests.EndToEnd.Compose;
using Digima.Tests.EndToEnd.Scheduling;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Hosting;

/// <summary>Two app processes behind nginx configured by ops/nginx/digima.conf, the file production
/// uses: the node a rep works on is killed (SIGKILL), and the rep carries on through the same
/// address on the other node, while scheduled mail still goes out once.</summary>
[Collection(AppCollection.Name)]
public sealed class NginxFailoverTests(AppFixture app)
{
    private const string Subject = "切替のご案内 {{姓}}様";

    [Fact]
    public async Task Nginx_NodeKilledWhileRepComposes_RepReloadedOntoOtherNodeSendsDraftAndSeesItSent()
    {
        await using var cluster = await ClusterScenario.CreateAsync("nginx_failover", reps: 1);
        var (rep, customer) = cluster.Pairs[0];
        int[] ports = [DraftScenario.FreePort(), DraftScenario.FreePort()];
        await using var nginx = await NginxProcess.StartAsync(DraftScenario.FreePort(), ports[0], ports[1]);
        var nodes = ports.ToDictionary(port => port, port => cluster.StartNode(NodeSettings(port)));
        foreach (var (port, node) in nodes)
        {
            await DraftScenario.WaitHealthyAsync($"http://127.0.0.1:{port}", node);
        }

        await cluster.WaitForNodesAsync(2);
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = nginx.BaseUrl, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        // Two app processes just started, through a proxy, beside whatever else the suite runs: a
        // cold node's first sign-in (JIT, key ring, password hash) has taken over 15 s on two cores.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        try
        {
            await AppFixture.SignInAsync(page, rep.Email, "correct-horse-1");
            await page.GotoAsync($"/mail/compose?to={customer.Id}");
            await AppFixture.WaitInteractiveAsync(page);
            await page.GetByTestId("compose-subject").FillAsync(Subject);
            await page.GetByTestId("compose-body").FillAsync("{{姓}} 様\nサーバーが替わってもお届けします。");
            var draftId = await DraftScenario.WaitSavedAsync(page);
            var scheduledId = (await cluster.ScheduleAsync(perRep: 1, DateTimeOffset.UtcNow.AddSeconds(8)))[0];

            // The node holding the rep's circuit (its SignalR connection went through nginx).
            var first = nginx.LastUpstreamPort("/_blazor") ?? throw new InvalidOperationException("nginx logged no circuit:\n" + nginx.ErrorLog);
            await page.EvaluateAsync("window.beforeKill = true");
            nodes[first].Kill();

            // The browser's reconnect reaches the other node through nginx, which does not know the
            // circuit: the page reloads the address compose moved to, and the draft is there.
            await page.WaitForFunctionAsync("() => window.beforeKill === undefined", null, new() { Timeout = 60_000 });
            await AppFixture.WaitForUrlAsync(page, $"**/mail/compose?draft={draftId}");
            await AppFixture.WaitInteractiveAsync(page);
            Assert.Equal(ports.Single(p => p != first), nginx.LastUpstreamPort("/_blazor"));
            await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync(Subject);
            await Assertions.Expect(page.GetByTestId("recipients-to").GetByTestId("recipient-chip")).ToContainTextAsync(customer.Email);
            await AppFixture.ScreenshotAsync(page, "failover-draft-on-second-node");

            await page.EvaluateAsync("window.onSecondNode = true");
            await page.GetByTestId("send-now").ClickAsync();
            await ComposeScenario.ConfirmAsync(page);
            await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
            var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "切替のご案内" });
            await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
            // Listed while the undo grace runs, then changed by the outbox on the live page.
            await Assertions.Expect(page.GetByTestId("undo-send-snackbar")).ToBeVisibleAsync();
            await Assertions.Expect(row.GetByTestId("mail-status")).ToHaveTextAsync("送信待ち");
            await Assertions.Expect(row.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 60_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.onSecondNode === true"), "the page was reloaded to show the status");

            await cluster.WaitUntilAsync(async () => await cluster.ScalarAsync<string>("SELECT status FROM outgoing_mails WHERE id = @scheduledId", new { scheduledId }) == "sent", TimeSpan.FromMinutes(2));
            var sent = (await cluster.QueryAsync<string>("SELECT message_id FROM outgoing_mails WHERE status = 'sent'")).ToList();
            Assert.Equal(2, sent.Count);
            Dictionary<string, int> delivered = [];
            await cluster.WaitUntilAsync(async () => sent.All((delivered = await cluster.DeliveredAsync()).ContainsKey), TimeSpan.FromSeconds(60));
            Assert.All(sent, id => Assert.Equal(1, delivered[id]));
        }
        catch
        {
            await KeepEvidenceAsync(page, nginx, nodes.Values);
            throw;
        }
    }

    /// <summary>What a failure needs explained: the page, which node nginx sent each request to, and the nodes' logs.</summary>
    private static async Task KeepEvidenceAsync(IPage page, NginxProcess nginx, IEnumerable<AppNodeProcess> nodes)
    {
        var dir = TestEnvironment.ArtifactsDir;
        await File.WriteAllBytesAsync(Path.Combine(dir, "nginx-failover.png"), await page.ScreenshotAsync());
        await File.WriteAllTextAsync(Path.Combine(dir, "nginx-failover-access.log"), nginx.AccessLog + "\n--- error.log\n" + nginx.ErrorLog);
        await File.WriteAllTextAsync(Path.Combine(dir, "nginx-failover-nodes.log"), string.Join("\n--- next node\n", nodes.Select(n => n.Output)));
    }

    private static Dictionary<string, string> NodeSettings(int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Digima__Proxy__KnownProxies__0"] = "127.0.0.1",
        // Long enough to see the mail waiting on 個別メール before the outbox sends it, under load too.
        ["Digima__Sending__UndoGrace"] = "00:00:20",
        ["Digima__Outbox__ServerCopyWait"] = "00:00:01",
    };
}

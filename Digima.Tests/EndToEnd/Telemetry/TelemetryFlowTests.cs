using System.Globalization;
using System.Text.RegularExpressions;
using Digima.Core.Common;
using Digima.Core.Sending;
using Digima.Core.Telemetry;
using Digima.Tests.EndToEnd.Compose;
using Digima.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace Digima.Tests.EndToEnd.Telemetry;

/// <summary>A rep sends with 「今すぐ送信」 and the customer replies: the real OTLP exporter sends
/// one trace from compose through the outbox and SMTP to the Sent copy, one from the IMAP fetch
/// to the timeline, and /metrics counts the mail.</summary>
public sealed partial class TelemetryFlowTests(TelemetryAppFixture app) : IClassFixture<TelemetryAppFixture>
{
    [Fact]
    public async Task SendNowThenReply_TracesExportedOverOtlp_MetricsScraped()
    {
        var rep = await app.AddConnectedRepAsync("佐藤 計測");
        var customer = await app.AddCustomerAsync("計測", company: "株式会社けいそく");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("計測のご案内");
        await page.GetByTestId("compose-body").FillAsync("いつもお世話になっております。");
        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "計測のご案内" });
        await Assertions.Expect(row.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 20_000 });
        var mail = (await ComposeScenario.MailsOfAsync(app, rep)).Single();

        // Compose -> outbox (claimed later by the worker) -> SMTP -> Sent copy, in one trace.
        var mailId = mail.Id.ToString(CultureInfo.InvariantCulture);
        var send = await TelemetryAppFixture.Otlp.WaitForAsync(
            spans => spans.FirstOrDefault(s => s.Name == SpanNames.OutboxSend && s.Attributes.GetValueOrDefault(TelemetryTags.MailId) == mailId),
            "outbox span of the mail");
        var trace = await TelemetryAppFixture.Otlp.WaitForAsync(
            spans =>
            {
                var inTrace = spans.Where(s => s.TraceId == send.TraceId).ToList();
                return new[] { SpanNames.SendNow, SpanNames.SmtpSend, SpanNames.SentCopy, SpanNames.MarkSent }.All(n => inTrace.Any(s => s.Name == n))
                       && inTrace.Any(s => s.Scope == MailKit.Telemetry.SmtpClient.ActivitySourceName)
                    ? inTrace
                    : null;
            },
            "whole trace of the send");
        var sendNow = trace.Single(s => s.Name == SpanNames.SendNow);
        Assert.Equal(mailId, sendNow.Attributes[TelemetryTags.MailId]);
        Assert.Equal(send.SpanId, trace.Single(s => s.Name == SpanNames.Deliver).ParentSpanId);
        Assert.Contains(trace, s => s.Scope == "Npgsql");

        // The customer's reply: IMAP fetch -> stored onto the timeline, in one trace.
        var reply = new MimeMessage { Subject = "Re: 計測のご案内", Date = DateTimeOffset.Now, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
        reply.From.Add(MailboxAddress.Parse(customer.Email));
        reply.To.Add(MailboxAddress.Parse(rep.Email));
        reply.InReplyTo = mail.MessageId;
        reply.Body = new TextPart("plain") { Text = "拝見しました。" };
        await TestMailboxes.AppendAsync(rep.Email, reply, "INBOX");
        await app.SyncUntilOnTimelineAsync(rep.AsActor(), customer.Id, 2);
        var repId = rep.Id.ToString(CultureInfo.InvariantCulture);
        await TelemetryAppFixture.Otlp.WaitForAsync(
            spans => spans.Where(s => s.Name == SpanNames.ImportSync && s.Attributes.GetValueOrDefault(TelemetryTags.UserId) == repId)
                .FirstOrDefault(sync =>
                {
                    var inTrace = spans.Where(s => s.TraceId == sync.TraceId).ToList();
                    // MailKit's IMAP spans are those of connecting: the sync reuses the session the
                    // Sent copy opened (in the send's trace), so none need be in this one.
                    return inTrace.Any(s => s.Name == SpanNames.ImportFolder && s.Attributes.GetValueOrDefault(TelemetryTags.Folder) == "Inbox")
                           && inTrace.Any(s => s.Name == SpanNames.ImportStore && s.Attributes.GetValueOrDefault(TelemetryTags.MailCount) == "1")
                           && inTrace.Any(s => s.Name == SpanNames.ImportPublish)
                           && inTrace.Any(s => s.Scope == "Npgsql");
                }),
            "import trace that stored the reply");

        // Scraped as Prometheus would.
        await Assertions.Expect(page.GetByTestId("mail-table")).ToBeVisibleAsync();
        var metrics = await WaitForMetricsAsync(m =>
            m.Sum("digima_mail_sent_total") >= 1
            && m.Sum("digima_mail_queued_total", "kind=\"now\"") >= 1
            && m.Has("digima_outbox_depth", "status=\"queued\"")
            && m.Has("digima_mail_import_lag_seconds", $"user_id=\"{repId}\"")
            && m.Sum("digima_circuits_open") >= 1);
        Assert.True(metrics.Sum("digima_mail_import_lag_seconds", $"user_id=\"{repId}\"") < 60, "The mailbox imported just now.");
    }

    [Fact]
    public async Task Metrics_Anonymous_ServedWithoutSignIn_AndHealthProbesToo()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Contains("# TYPE", await client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Healthy\"", await client.GetStringAsync("/healthz/live"), StringComparison.Ordinal);
    }

    private async Task<Scrape> WaitForMetricsAsync(Func<Scrape, bool> complete)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var until = DateTime.UtcNow.AddSeconds(60);
        Scrape scrape;
        do
        {
            scrape = Scrape.Parse(await client.GetStringAsync("/metrics"));
            if (complete(scrape))
            {
                return scrape;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < until);

        Assert.Fail("The metrics were incomplete: " + string.Join(Environment.NewLine, scrape.Lines.Where(l => l.Name.StartsWith("digima_", StringComparison.Ordinal)).Select(l => l.Raw)));
        throw new InvalidOperationException();
    }

    /// <summary>The Prometheus text format, a sample a line: name{labels} value.</summary>
    private sealed record Scrape(IReadOnlyList<Sample> Lines)
    {
        public static Scrape Parse(string text) => new(text.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => SampleLine().Match(l))
            .Where(m => m.Success)
            .Select(m => new Sample(m.Groups["name"].Value, m.Groups["labels"].Value, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture), m.Value))
            .ToList());

        public bool Has(string name, string label) => Lines.Any(l => l.Name == name && l.Labels.Contains(label, StringComparison.Ordinal));

        public double Sum(string name, string label = "") =>
            Lines.Where(l => l.Name == name && l.Labels.Contains(label, StringComparison.Ordinal)).Sum(l => l.Value);
    }

    private sealed record Sample(string Name, string Labels, double Value, string Raw);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();
}

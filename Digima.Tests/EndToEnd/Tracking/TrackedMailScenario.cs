using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Tests.Infrastructure.Tracking;
using Digima.Tests.Support;
using MimeKit;

namespace Digima.Tests.EndToEnd.Tracking;

/// <summary>A rep with a connected mailbox sends a tracked mail through the app's outbox; the
/// customer's copy is read back from Dovecot.</summary>
internal sealed record TrackedMailScenario(User Rep, Customer Customer, OutgoingMail Mail, MimeMessage Received)
{
    public const string Link = "https://example.co.jp/catalog?id=42&lang=ja";

    public string PixelPath => Path(Assert.Single(TrackedSendTests.PixelUrls(Received.HtmlBody)));

    public string LinkPath => Path(Assert.Single(TrackedSendTests.Hrefs(Received.HtmlBody)));

    public static async Task<TrackedMailScenario> SendAsync(AppFixture app, string repName, string subject) =>
        await SendAsync(app, await app.AddConnectedRepAsync(repName), subject);

    public static async Task<TrackedMailScenario> SendAsync(
        AppFixture app, User rep, string subject, string lastName = "鷲尾", string firstName = "美咲", string link = Link) =>
        await SendAsync(app, rep, subject, [await AddCustomerAsync(app, lastName, firstName)], link);

    /// <summary>One mail to all of <paramref name="to"/>; the copy read back is the first one's.</summary>
    public static async Task<TrackedMailScenario> SendAsync(AppFixture app, User rep, string subject, IReadOnlyList<Customer> to, string link = Link)
    {
        var actor = rep.AsActor();
        var input = new ComposeInput
        {
            To = [.. to.Select(c => new ComposeRecipient(c.Id, c.Email, c.FullName))],
            Subject = subject,
            Body = $"{to[0].LastName}様\n\nいつもお世話になっております。\nカタログはこちらです: {link}\n\nよろしくお願いいたします。",
            OpenTracking = true,
            ClickTracking = true,
            NotifyOnOpen = true,
        };
        var outcome = await app.Get<SendMailCommand>().SendNowAsync(actor, input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        var mail = await WaitSentAsync(app, outcome.Value);
        var received = Assert.Single(await MailboxReader.WaitForAsync(to[0].Email, mail.MessageId));
        return new TrackedMailScenario(rep, to[0], mail, received);
    }

    public static Task<Customer> AddCustomerAsync(AppFixture app, string lastName, string firstName) =>
        app.AddCustomerAsync(lastName, firstName, "株式会社わしお");

    private static async Task<OutgoingMail> WaitSentAsync(AppFixture app, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var mail = (await app.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
            if (mail.Status == MailStatus.Sent || DateTime.UtcNow > deadline)
            {
                Assert.Equal(MailStatus.Sent, mail.Status);
                return mail;
            }

            await Task.Delay(200);
        }
    }

    private static string Path(string url)
    {
        Assert.StartsWith(AppFixture.Settings["Digima:Tracking:PublicBaseUrl"]!, url, StringComparison.Ordinal);
        return new Uri(url).AbsolutePath;
    }
}

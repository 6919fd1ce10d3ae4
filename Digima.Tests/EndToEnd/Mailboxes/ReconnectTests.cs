using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.EndToEnd.Settings;
using Digima.Tests.Infrastructure.OAuth;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Mailboxes;

/// <summary>「再接続が必要」 as the rep lives it: the provider ends the grant, a scheduled mail comes
/// due and is held, the banner and the bell say so on the open pages; the rep reconnects with the
/// provider and the held mail goes out once.</summary>
public sealed class ReconnectTests(DevOAuthAppFixture app) : IClassFixture<DevOAuthAppFixture>
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task GrantEndedAtProvider_DueMailHeld_BannerAndBellTell_ReconnectWithProvider_MailSentOnce()
    {
        var rep = await app.AddUserAsync(UserRole.Rep, "高橋 美咲", DevOAuthClient.NewLogin());
        var customer = await app.AddCustomerAsync("村上", company: "株式会社むらかみ");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");
        await SignInAtProviderAsync(page, page.GetByTestId("mailbox-oauth-start-dev"), rep.Email);

        // Two open mail pages: 予約 of 個別メール and the customer's profile (another tab).
        await page.GotoAsync("/mail/individual?filter=scheduled");
        await AppFixture.WaitInteractiveAsync(page);
        var profile = await page.Context.NewPageAsync();
        await profile.GotoAsync($"/customers/{customer.Id}");
        await AppFixture.WaitInteractiveAsync(profile);
        await Assertions.Expect(page.GetByTestId("reconnect-banner")).ToHaveCountAsync(0);

        var written = await WriteAsync(rep, customer);
        await RevokeGrantAsync(rep.Id);
        var mailId = await ScheduleDueSoonAsync(written);

        var banner = page.GetByTestId("reconnect-banner");
        await Assertions.Expect(banner.GetByTestId("reconnect-banner-title")).ToHaveTextAsync("再接続が必要", new() { Timeout = 30_000 });
        await Assertions.Expect(banner.GetByTestId("reconnect-banner-reason")).ToContainTextAsync("開発用 OAuth サーバー との連携が切れました");
        await Assertions.Expect(profile.GetByTestId("reconnect-banner")).ToBeVisibleAsync();
        var row = page.GetByTestId("mail-table").Locator("tbody tr").Filter(new() { HasText = "株式会社むらかみ 御中 ご提案" });
        await Assertions.Expect(row.GetByTestId("mail-held-reason")).ToContainTextAsync("メールボックスの再接続が必要です");
        await Assertions.Expect(page.GetByTestId("notification-count")).ToContainTextAsync("2");
        await page.Mouse.MoveAsync(0, 0);
        await AppFixture.ScreenshotAsync(page, "mailbox-reconnect-banner");
        await page.GetByTestId("notification-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification-item").Filter(new() { HasText = "メールボックスの再接続が必要です" })).ToHaveCountAsync(1);
        // A click on the empty page closes the bell's list (its overlay takes it) and is waited
        // out; an Escape pressed before the list listens for keys is lost on a loaded machine.
        await page.Mouse.ClickAsync(700, 850);
        await Assertions.Expect(page.GetByTestId("notification-item")).ToHaveCountAsync(0);
        Assert.Equal(MailStatus.Held, (await MailAsync(mailId)).Status);

        await banner.GetByTestId("reconnect-banner-action").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, "**/settings/mailbox");
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-reconnect-required")).ToHaveTextAsync("再接続が必要");
        await SignInAtProviderAsync(page, page.GetByTestId("mailbox-oauth-reconnect"), rep.Email);

        await Assertions.Expect(page.GetByTestId("reconnect-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(profile.GetByTestId("reconnect-banner")).ToHaveCountAsync(0);
        var sent = await MailAsync(mailId);
        var delivered = await MailboxReader.WaitForAsync(customer.Email, sent.MessageId, timeout: TimeSpan.FromSeconds(60));
        Assert.Single(delivered);
        Assert.Equal("株式会社むらかみ 御中 ご提案", delivered[0].Subject);
        await Assertions.Expect(profile.GetByTestId("timeline-mail").First.GetByTestId("mail-status")).ToHaveTextAsync("送信済み", new() { Timeout = 30_000 });
        Assert.Equal(MailStatus.Sent, (await MailAsync(mailId)).Status);
        Assert.Single(await MailboxReader.FindAsync(customer.Email, sent.MessageId));
    }

    /// <summary>Clicks the provider button, signs in and allows at the dev server; back connected.
    /// The dev server's registered redirect URI has no app behind it (as behind a proxy): the
    /// browser is taken on from there to the app's own callback with the same query.</summary>
    private async Task SignInAtProviderAsync(IPage page, ILocator button, string login)
    {
        await button.ClickAsync();
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(TestEnvironment.MailPassword);
        var redirect = page.WaitForRequestAsync(r => r.Url.StartsWith(OAuthMailboxes.RedirectUri.AbsoluteUri, StringComparison.Ordinal));
        await page.Locator("#allow").ClickAsync();
        var query = new Uri((await redirect).Url).Query;
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^chrome-error:"));
        await page.GotoAsync(app.BaseUrl + "/mailboxes/oauth/callback" + query);
        await AppFixture.WaitForUrlAsync(page, "**/settings/mailbox?oauth=Connected**", 45_000);
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("mailbox-oauth-outcome")).ToHaveAttributeAsync("data-status", "Connected");
    }

    /// <summary>The refresh token revoked at the provider, and the app's cached access token dropped
    /// so its next use refreshes (instead of waiting an hour for it to expire).</summary>
    private async Task RevokeGrantAsync(long userId)
    {
        var grant = (await app.Get<IMailboxRepository>().GetAsync(userId, CancellationToken.None))!.OAuth!;
        using var server = new DevOAuthClient();
        await server.RevokeAsync(app.Get<ISecretProtector>().Unprotect(grant.ProtectedRefreshToken), "refresh_token");
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE mailboxes SET oauth_access_token_protected = NULL WHERE user_id = @userId", new { userId });
    }

    /// <summary>A mail written while the mailbox was still connected.</summary>
    private async Task<OutgoingMail> WriteAsync(User rep, Customer customer)
    {
        var input = new ComposeInput { Subject = "{{会社名}} 御中 ご提案", Body = "{{姓}} 様\nご提案をお送りします。" };
        input.To.Add(new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        var built = await app.Get<ComposedMailFactory>().BuildAsync(rep.AsActor(), input, CancellationToken.None);
        Assert.True(built.Succeeded, string.Join("; ", built.Errors));
        return built.Value!;
    }

    /// <summary>The mail scheduled (an hour ago) for a few seconds from now, with its trigger.</summary>
    private async Task<long> ScheduleDueSoonAsync(OutgoingMail written)
    {
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var scheduled = written with
        {
            Status = MailStatus.Scheduled, CreatedAt = DateTimeOffset.UtcNow.AddHours(-1), ScheduledAt = dueAt, ScheduleTimeZone = "Asia/Tokyo",
        };
        var id = await app.Get<IOutgoingMailRepository>().InsertAsync(scheduled, CancellationToken.None);
        await app.Get<IScheduledSendTrigger>().ScheduleAsync(id, dueAt, CancellationToken.None);
        return id;
    }

    private async Task<OutgoingMail> MailAsync(long id) => (await app.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
}

using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Infrastructure.MailConnections;
using Digima.Infrastructure.MailImport;
using Digima.Infrastructure.Scheduling;
using Digima.Tests.Infrastructure.Scheduling;
using Digima.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>An OAuth mailbox whose access tokens live 15 seconds, with the app's clock following
/// real time: IMAP IDLE and a burst of scheduled mail keep working across several expiries, and
/// the mail servers' own logs show each new token was checked there.</summary>
public sealed class OAuthExpiryTests : IAsyncLifetime
{
    private static readonly TimeSpan ExpiryWait = TimeSpan.FromSeconds(45);

    private readonly CapturedLogs _logs = new();
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;
    private DevOAuthClient _server = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _server?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task Idle_AcrossThreeTokenExpiries_EveryCustomerMailImportedOnce_ServersCheckedEachToken()
    {
        await StartAsync();
        var customer = await _services.AddCustomerAsync("常時");
        await using var realTime = new RealTimeClock(_services.Clock);
        var options = new MailImportOptions { ReconnectMinDelay = TimeSpan.FromMilliseconds(200) };
        var watcher = new MailboxIdleWatcher(_services.Provider.GetRequiredService<IServiceScopeFactory>(), options, _services.Get<ILogger<MailboxIdleWatcher>>());
        var listener = new MailImportIdleListener(watcher, _services.Get<ConnectedMailboxList>(), options, NullLogger<MailImportIdleListener>.Instance);
        var sent = new List<string>();
        await listener.StartAsync(CancellationToken.None);
        try
        {
            for (var round = 0; round <= 3; round++)
            {
                if (round > 0)
                {
                    // The watcher logs in anew when the token it holds expires: wait for that token.
                    await WaitUntilAsync(() => Refreshes >= round, $"token refresh {round}");
                }

                sent.Add(await DeliverFromAsync(customer, $"Re: 常時 {round}"));
                await WaitUntilAsync(async () => await ImportedCountAsync(sent[^1]) > 0, $"mail {round} imported");
            }
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }

        foreach (var id in sent)
        {
            Assert.Equal(1, await ImportedCountAsync(id));
        }

        Assert.True(Refreshes >= 3, $"{Refreshes} refreshes");
        var imapLogins = MailServerLogs.Lines(MailServerLogs.Dovecot, _rep.Email, "imap-login", "method=XOAUTH2").Count;
        Assert.True(imapLogins >= Refreshes + 1, $"{imapLogins} IMAP token logins for {Refreshes + 1} tokens");
        AssertNoTokenInServerLogs();
    }

    [Fact]
    public async Task ScheduledBurst_AcrossTokenExpiries_EachMailReachesTheCustomerOnceWithOneSentCopy()
    {
        await StartAsync(new() { ["Digima:Scheduling:RateLimitPerMinute"] = "0" });
        var customer = await _services.AddCustomerAsync("連続");
        var ids = new List<long>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var first = _services.Clock.GetUtcNow() + SendTimeRules.MinimumLead + TimeSpan.FromSeconds(1);
        for (var i = 0; i < 24; i++)
        {
            // Due every two seconds: the burst lasts about 48 seconds, three lifetimes of a token.
            var at = TimeZoneInfo.ConvertTime(first + TimeSpan.FromSeconds(2 * i), zone).DateTime;
            var scheduled = await _services.Get<ScheduleMailCommand>().ScheduleAsync(
                _rep, ScheduledScenario.Input($"連続 {i}", "{{姓}} 様\n本文です。", customer), at, "Asia/Tokyo", CancellationToken.None);
            Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors));
            ids.Add(scheduled.Value);
        }

        _services.Clock.Advance(first - _services.Clock.GetUtcNow());
        var lanes = _services.Get<ScheduledSendLanes>();
        await using (new RealTimeClock(_services.Clock))
        {
            // What the lane wake-up job does on each firing.
            await WaitUntilAsync(
                async () =>
                {
                    await lanes.StartDueAsync(CancellationToken.None);
                    await lanes.IdleAsync();
                    return await SentCountAsync(ids) == ids.Count;
                },
                "every scheduled mail sent",
                TimeSpan.FromSeconds(120));
        }

        foreach (var id in ids)
        {
            var mail = (await _services.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;
            Assert.Equal(MailStatus.Sent, mail.Status);
            Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
            Assert.Single(await MailboxReader.FindAsync(_rep.Email, mail.MessageId, "Sent"));
        }

        Assert.True(Refreshes >= 3, $"{Refreshes} refreshes");
        // Kept sessions serve the burst while their token lives: each login the servers checked
        // (Postfix through Dovecot's oauth2 passdb) is one more token lifetime crossed.
        var smtpLogins = MailServerLogs.Lines(MailServerLogs.Postfix, _rep.Email, "sasl_method=XOAUTH2").Count;
        Assert.True(smtpLogins >= 3, $"{smtpLogins} SMTP token logins");
        var imapLogins = MailServerLogs.Lines(MailServerLogs.Dovecot, _rep.Email, "imap-login", "method=XOAUTH2").Count;
        Assert.True(imapLogins >= 3, $"{imapLogins} IMAP token logins (Sent copies)");
        AssertNoTokenInServerLogs();
    }

    private int Refreshes => _logs.All.Split('\n').Count(l => l.Contains("Refreshed the access token", StringComparison.Ordinal));

    private async Task StartAsync(Dictionary<string, string?>? more = null)
    {
        var settings = OAuthMailboxes.Settings(DevOAuthClient.ShortLivedClient);
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        _services = await ServiceHarness.CreateAsync("oauth-expiry", settings, _logs);
        _rep = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        _server = new DevOAuthClient(DevOAuthClient.ShortLivedClient);
        await OAuthMailboxes.ConnectAsync(_services, _rep, _server);
    }

    /// <summary>A customer's mail through Postfix into the rep's Inbox, as IdleListenerTests sends it.</summary>
    private async Task<string> DeliverFromAsync(Customer customer, string subject)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(customer.FullName, customer.Email));
        mail.To.Add(MailboxAddress.Parse(_rep.Email));
        mail.Subject = subject;
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("digima.test");
        mail.Body = new TextPart("plain") { Text = "承知しました。" };
        using var smtp = await _services.Get<MailKitConnect>().SmtpAsync(
            new MailServerLogin(TestEnvironment.MailHost, TestEnvironment.SmtpPort, MailSecurity.None, customer.Email, TestEnvironment.MailPassword), CancellationToken.None);
        await smtp.SendAsync(mail);
        await smtp.DisconnectAsync(true);
        return mail.MessageId;
    }

    private async Task<int> ImportedCountAsync(string messageId)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<int>(
            "SELECT count(*)::int FROM imported_mails WHERE user_id = @Id AND message_id = @messageId", new { _rep.Id, messageId });
    }

    private async Task<int> SentCountAsync(IReadOnlyList<long> ids)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<int>(
            "SELECT count(*)::int FROM outgoing_mails WHERE id = ANY(@ids) AND status = 'sent'", new { ids = ids.ToArray() });
    }

    /// <summary>The servers' logs hold no token the app used (auth_debug_passwords stays off).</summary>
    private void AssertNoTokenInServerLogs()
    {
        var grant = _services.Get<IMailboxRepository>().GetAsync(_rep.Id, CancellationToken.None).GetAwaiter().GetResult()!.OAuth!;
        var access = _services.Get<ISecretProtector>().Unprotect(grant.ProtectedAccessToken!);
        foreach (var log in new[] { MailServerLogs.Dovecot, MailServerLogs.Postfix, MailServerLogs.OAuth, _logs.All })
        {
            Assert.DoesNotContain(access, log, StringComparison.Ordinal);
        }
    }

    private static Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), what, ExpiryWait);

    private static Task WaitUntilAsync(Func<Task<bool>> done, string what) => WaitUntilAsync(done, what, ExpiryWait);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {timeout} for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}

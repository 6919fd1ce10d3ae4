using System.Net;
using System.Net.Sockets;
using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>A provider that cannot be reached is "try later", never 「再接続が必要」.</summary>
public sealed class TokenEndpointDownTests
{
    [Fact]
    public async Task GetAsync_ExpiredTokenAndProviderUnreachable_TokenUnavailableAndNotMarked()
    {
        await using var services = await ServiceHarness.CreateAsync("oauth-down", Settings());
        var rep = await ConnectAsync(services, TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<MailboxTokenUnavailableException>(() => services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None));

        Assert.Null(await ReconnectReasonAsync(services, rep));
    }

    [Fact]
    public async Task ScheduledRunAndLane_ProviderUnreachable_RetriedLaterLikeAServerDown_WarningNotError()
    {
        var logs = new CapturedLogs();
        var settings = Settings();
        settings["Digima:Scheduling:RateLimitPerMinute"] = "0";
        await using var services = await ServiceHarness.CreateAsync("oauth-down-sched", settings, logs);
        // Good while the mail is written; due for a refresh when the mail is.
        var rep = await ConnectAsync(services, TimeSpan.FromHours(1));
        var customer = await services.AddCustomerAsync("認可停止");
        var at = TimeZoneInfo.ConvertTime(services.Clock.GetUtcNow() + TimeSpan.FromHours(1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime;
        var input = new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = "予約", Body = "{{姓}} 様" };
        var scheduled = await services.Get<ScheduleMailCommand>().ScheduleAsync(rep, input, at, "Asia/Tokyo", CancellationToken.None);
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors));
        var unavailable = TestLocalizer.For<CoreMessages>()["MailboxTokenUnavailable"].Value;
        services.Clock.Advance(TimeSpan.FromHours(1));

        // The mail's own trigger.
        Assert.Equal(ScheduledRun.RetryLater, await services.Get<SendScheduledMailCommand>().RunAsync(scheduled.Value, CancellationToken.None));

        var mail = (await services.Get<IOutgoingMailRepository>().GetAsync(scheduled.Value, CancellationToken.None))!;
        Assert.Equal(MailStatus.Scheduled, mail.Status);
        Assert.Equal(services.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), mail.SendAfter);
        Assert.Equal(unavailable, mail.Error);

        // A send lane once it is due again: the next wait.
        services.Clock.Advance(TimeSpan.FromMinutes(1));
        await services.Get<SendMailboxDueMailCommand>().SendAsync(rep.Id, CancellationToken.None);

        mail = (await services.Get<IOutgoingMailRepository>().GetAsync(scheduled.Value, CancellationToken.None))!;
        Assert.Equal(MailStatus.Scheduled, mail.Status);
        Assert.Equal(services.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), mail.SendAfter);
        Assert.Equal(2, mail.RetryCount);
        Assert.Null(await ReconnectReasonAsync(services, rep));
        var lines = logs.All.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Warning Digima.Core.Scheduling.ScheduledMailOutcomes", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = OAuthMailboxes.Settings(DevOAuthClient.TestClient);
        settings[$"Digima:OAuth:Providers:{OAuthMailboxes.Provider}:Issuer"] = $"http://127.0.0.1:{TestPorts.Closed()}/";
        return settings;
    }

    /// <summary>A rep whose saved access token, from a provider that is down, is due for a refresh
    /// when <paramref name="tokenLeft"/> has passed (five minutes earlier, the margin).</summary>
    private static async Task<CurrentUser> ConnectAsync(ServiceHarness services, TimeSpan tokenLeft)
    {
        var rep = await services.AddUserAsync(UserRole.Rep);
        var secrets = services.Get<ISecretProtector>();
        var now = services.Clock.GetUtcNow();
        var server = new StoredMailServer(TestEnvironment.MailHost, TestEnvironment.ImapPort, MailSecurity.None, rep.Email, "");
        await services.Get<IMailboxRepository>().SaveAsync(
            new StoredMailbox(rep.Id, rep.DisplayName, rep.Email, server, server, true, "Sent", now)
            {
                OAuth = new StoredOAuthGrant(OAuthMailboxes.Provider, secrets.Protect("refresh"), secrets.Protect("access"), now + tokenLeft, now.AddHours(-1), now, null, null),
            },
            CancellationToken.None);
        return rep;
    }

    private static async Task<string?> ReconnectReasonAsync(ServiceHarness services, CurrentUser rep)
    {
        await using var connection = await services.Database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<string?>("SELECT reconnect_required_reason FROM mailboxes WHERE user_id = @Id", new { rep.Id });
    }

}

using System.Diagnostics;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Npgsql;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>No access or refresh token the provider issued is anywhere in clear: not in a dump of
/// the whole database, the app's log, nor the logs of Dovecot, Postfix and the OAuth server.</summary>
public sealed class TokenLeakTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly DevOAuthClient _server = new(DevOAuthClient.TestClient);
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() =>
        _services = await ServiceHarness.CreateAsync("oauth-leak", OAuthMailboxes.Settings(DevOAuthClient.TestClient), _logs);

    public async Task DisposeAsync()
    {
        _server.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task ConnectSendRefreshSync_DatabaseDumpAndEveryLog_HoldNoTokenInClear()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep, DevOAuthClient.NewLogin());
        var issued = await OAuthMailboxes.ConnectAsync(_services, rep, _server);
        var tokens = new List<string> { issued.AccessToken, issued.RefreshToken! };
        var customer = await _services.AddCustomerAsync("漏洩");
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)],
            Subject = "トークンのないご案内",
            Body = "{{姓}} 様",
        };
        Assert.Equal(MailStatus.Sent, (await _services.SendNowAndDeliverAsync(rep, input)).Status);

        // Past the token's expiry for the app: the next use refreshes it.
        _services.Clock.Advance(TimeSpan.FromHours(2));
        var refreshed = (await _services.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None))!;
        Assert.NotEqual(issued.AccessToken, refreshed.Smtp.Password);
        tokens.Add(refreshed.Smtp.Password);
        var grant = (await _services.Get<IMailboxRepository>().GetAsync(rep.Id, CancellationToken.None))!.OAuth!;
        tokens.Add(_services.Get<ISecretProtector>().Unprotect(grant.ProtectedRefreshToken));
        Assert.Equal(MailStatus.Sent, (await _services.SendNowAndDeliverAsync(rep, input)).Status);
        Assert.Equal(MailboxSyncOutcome.Synced, (await _services.Get<SyncMailboxCommand>().SyncAsync(rep.Id, CancellationToken.None)).Outcome);

        var dump = await DumpAsync();
        Assert.Contains("oauth2", dump, StringComparison.Ordinal);
        var places = new Dictionary<string, string>
        {
            ["database dump"] = dump,
            ["app log"] = _logs.All,
            ["Dovecot log"] = MailServerLogs.Dovecot,
            ["Postfix log"] = MailServerLogs.Postfix,
            ["OAuth server log"] = MailServerLogs.OAuth,
        };
        foreach (var token in tokens.Distinct())
        {
            foreach (var (place, text) in places)
            {
                foreach (var part in Parts(token))
                {
                    Assert.False(text.Contains(part, StringComparison.Ordinal), $"a token (or its signature) is in the {place}");
                }
            }
        }
    }

    /// <summary>The token, and the signature of a JWT alone (a log line may hold a token cut short).</summary>
    private static IEnumerable<string> Parts(string token)
    {
        yield return token;
        if (token.Split('.') is [.., { Length: >= 20 } signature])
        {
            yield return signature;
        }
    }

    /// <summary>pg_dump of the test database, found as ops/lib/postgres.sh finds the binaries.</summary>
    private async Task<string> DumpAsync()
    {
        var bin = Environment.GetEnvironmentVariable("DIGIMA_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.GetDirectories("/usr/lib/postgresql").MaxBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0) + "/bin";
        var db = new NpgsqlConnectionStringBuilder(_services.Database.ConnectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, "pg_dump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--no-owner", "-h", db.Host!, "-p", db.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", db.Username!, db.Database! },
            Environment = { ["PGPASSWORD"] = db.Password },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await errors}");
        return await output;
    }
}

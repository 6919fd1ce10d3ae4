using System.Diagnostics;
using Dapper;
using Digima.Benchmarks.Import;
using Digima.Core;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Infrastructure;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Scheduling;

/// <summary>`./digima bench schedule`: mail from many reps due in the same minute, sent by the app's
/// own engine (clustered Quartz, claim, MailKit, Sent copy) on one node to the local Postfix; the
/// same messages sent by a plain MailKit loop over one connection as the reference.</summary>
internal static class ScheduleBenchmark
{
    private const string DatabaseName = "digima_bench_schedule";

    public static async Task RunAsync(ScheduleOptions options)
    {
        var results = new List<(BenchAuth Auth, ScheduleReport.Engine Engine)>();
        foreach (var auth in options.Auths)
        {
            results.Add((auth, await RunOnceAsync(options, auth)));
        }

        if (results.Count > 1)
        {
            ScheduleReport.PrintComparison(results);
        }
    }

    /// <summary>One whole run with the mailboxes logging in one way, in a database of its own and
    /// with addresses of its own (the delivery count reads the customers' inboxes).</summary>
    private static async Task<ScheduleReport.Engine> RunOnceAsync(ScheduleOptions options, BenchAuth auth)
    {
        var connectionString = await BenchDatabase.RecreateAsync(BenchEnvironment.Database, $"{DatabaseName}_{auth.ToString().ToLowerInvariant()}");
        await using var provider = BuildServices(connectionString, options);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var pairs = await SeedAsync(provider, options.Reps, auth);
        Log($"{options.Reps} reps with mailboxes on the local servers logging in with {auth.Name()} (copy to Sent on), {options.Threads} Quartz threads");

        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var db = provider.GetRequiredService<NpgsqlDataSource>();
        if (options.Warmup > 0)
        {
            // A node that has been up: the send path compiled and its sessions open, as at any 09:00
            // but the first after a deploy. Cold, the runtime spends a fifth of the burst compiling.
            var warmup = await ScheduleAsync(provider, pairs, options.Warmup, DateTimeOffset.UtcNow.AddSeconds(5));
            await WaitAllSentAsync(db, warmup.Count, TimeSpan.FromMinutes(5));
            Log($"warm-up: {warmup.Count:N0} scheduled mails sent");
            // The runtime recompiles hot methods in the background a moment after they get hot.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var scheduling = Stopwatch.StartNew();
        var due = DateTimeOffset.UtcNow.AddSeconds(options.LeadSeconds);
        var ids = await ScheduleAsync(provider, pairs, options.Mails, due);
        Log($"{ids.Count:N0} mails scheduled for {due:HH:mm:ss} in {scheduling.Elapsed.TotalSeconds:F1} s");

        await WaitAllSentAsync(db, options.Warmup + ids.Count, TimeSpan.FromMinutes(15));
        foreach (var service in Enumerable.Reverse(hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }

        var engine = await ScheduleReport.EngineAsync(db, due);
        // Postfix delivers to Dovecot after it accepted: at the end of a fast burst its queue is
        // still draining, so the count waits until every mail is in, at most a minute.
        var inboxes = pairs.Select(p => p.Customer.Email).Distinct().ToList();
        var expected = options.Warmup + engine.Sent;
        var counting = Stopwatch.StartNew();
        var duplicates = await ScheduleReport.DeliveryCountsAsync(inboxes, "digima.");
        while (duplicates.Distinct < expected && counting.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            duplicates = await ScheduleReport.DeliveryCountsAsync(inboxes, "digima.");
        }

        Log($"delivered: {duplicates.Distinct:N0} of {expected:N0} in Dovecot {counting.Elapsed.TotalSeconds:F1} s after the last send was recorded");
        Log($"engine: {engine}");
        var loop = await PlainMailKitLoop.RunAsync(provider, ids);
        Log($"plain MailKit loop: {loop.Count:N0} in {loop.Elapsed.TotalSeconds:F2} s = {loop.Count / loop.Elapsed.TotalSeconds:F1}/s");
        ScheduleReport.Print(options, auth, engine, loop, duplicates);
        return engine;
    }

    private static ServiceProvider BuildServices(string connectionString, ScheduleOptions options) =>
        BenchServices.Build(
            connectionString,
            new Dictionary<string, string?>(options.Auths.Contains(BenchAuth.OAuth2) ? BenchOAuth.Settings() : [])
            {
                ["Digima:Scheduling:RateLimitPerMinute"] = "0",
                ["Digima:Quartz:MaxConcurrency"] = options.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Digima:Quartz:SendLanes"] = options.Lanes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Digima:MailImport:ScheduleEnabled"] = "false",
                ["Digima:MailImport:IdleEnabled"] = "false",
            },
            services => services.AddSingleton<IHostApplicationLifetime, BenchLifetime>());

    private static async Task<List<(CurrentUser Rep, Customer Customer)>> SeedAsync(IServiceProvider provider, int reps, BenchAuth auth)
    {
        var pairs = new List<(CurrentUser, Customer)>();
        var suffix = auth == BenchAuth.OAuth2 ? ".oauth" : "";
        for (var i = 0; i < reps; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var email = $"rep{i:D2}{suffix}@digima.test";
            var user = new User { Email = email, DisplayName = $"営業 {i:D2}", Role = UserRole.Rep };
            var id = await scope.ServiceProvider.GetRequiredService<IUserRepository>().InsertAsync(user, "x", CancellationToken.None);
            var rep = new CurrentUser(id, email, user.DisplayName, UserRole.Rep, user.TimeZoneId, user.Language);
            var server = (int port) => new MailServerInput
            {
                Host = BenchEnvironment.MailHost, Port = port, Security = MailSecurity.None, UserName = email, Password = BenchEnvironment.Password,
            };
            var input = new MailboxInput
            {
                Smtp = server(BenchEnvironment.SmtpPort), Imap = server(BenchEnvironment.ImapPort),
                SenderName = rep.DisplayName, SenderAddress = email, SaveCopyToSent = true, SentFolderName = "Sent",
            };
            if (auth == BenchAuth.OAuth2)
            {
                await BenchOAuth.ConnectAsync(provider, rep);
            }
            else
            {
                var saved = await scope.ServiceProvider.GetRequiredService<SaveMailboxSettingsCommand>().SaveAsync(rep, input, CancellationToken.None);
                if (!saved.Succeeded)
                {
                    throw new InvalidOperationException("Mailbox setup failed: " + string.Join("; ", saved.Errors));
                }
            }

            var customer = new Customer { LastName = $"顧客{i:D2}", Email = $"customer{i:D2}{suffix}@customer.test", Company = "株式会社ベンチ" };
            customer = customer with { Id = await scope.ServiceProvider.GetRequiredService<ICustomerRepository>().InsertAsync(customer, CancellationToken.None) };
            pairs.Add((rep, customer));
        }

        return pairs;
    }

    private static async Task<List<long>> ScheduleAsync(
        IServiceProvider provider, List<(CurrentUser Rep, Customer Customer)> pairs, int mails, DateTimeOffset due)
    {
        await using var scope = provider.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<ComposedMailFactory>();
        var repository = scope.ServiceProvider.GetRequiredService<IOutgoingMailRepository>();
        var trigger = scope.ServiceProvider.GetRequiredService<IScheduledSendTrigger>();
        var ids = new List<long>();
        for (var n = 0; n < mails; n++)
        {
            var (rep, customer) = pairs[n % pairs.Count];
            var input = new ComposeInput
            {
                To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)],
                Subject = $"{{{{会社名}}}} {{{{姓}}}}様 ご案内 {n}",
                Body = "{{姓}} 様\n\nいつもお世話になっております。新しいサービスのご案内です。\nよろしくお願いいたします。",
            };
            var built = await factory.BuildAsync(rep, input, CancellationToken.None);
            var id = await repository.InsertAsync(built.Value! with { Status = MailStatus.Scheduled, ScheduledAt = due, ScheduleTimeZone = "Asia/Tokyo" }, CancellationToken.None);
            await trigger.ScheduleAsync(id, due, CancellationToken.None);
            ids.Add(id);
        }

        return ids;
    }

    private static async Task WaitAllSentAsync(NpgsqlDataSource db, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var connection = await db.OpenConnectionAsync();
            var done = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outgoing_mails WHERE status IN ('sent', 'failed', 'held')");
            if (done >= count || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(200);
        }
    }


    /// <summary>Quartz's hosted service asks for the host's lifetime; here there is no host.</summary>
    private sealed class BenchLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Digima.Tests.EndToEnd.Scheduling;

/// <summary>App nodes as child processes over one test database, reps with mailboxes on the test
/// Postfix/Dovecot, and scheduled mail written straight into the clustered job store.</summary>
internal sealed class ClusterScenario : IAsyncDisposable
{
    public static readonly Dictionary<string, string> NodeSettings = new()
    {
        // The cluster's own timing, short so a dead node is noticed within seconds.
        ["Digima__Quartz__CheckinInterval"] = "00:00:02",
        ["Digima__Quartz__CheckinMisfireThreshold"] = "00:00:03",
        ["Digima__Outbox__StuckAfter"] = "00:00:15",
        ["Digima__Outbox__RecoveryInterval"] = "00:00:05",
        ["Digima__Scheduling__RateLimitPerMinute"] = "0",
        ["Digima__MailImport__ScheduleEnabled"] = "false",
        ["Digima__MailImport__IdleEnabled"] = "false",
        ["Digima__MailImport__BackfillEnabled"] = "false",
    };

    private readonly List<AppNodeProcess> _nodes = [];

    private ClusterScenario(ServiceHarness services) => Services = services;

    public ServiceHarness Services { get; }

    public List<(CurrentUser Rep, Customer Customer)> Pairs { get; } = [];

    public static async Task<ClusterScenario> CreateAsync(string purpose, int reps)
    {
        // The nodes' rate limit (off), so mail is scheduled as they send it: in lanes, woken once.
        var services = await ServiceHarness.CreateAsync(purpose, new Dictionary<string, string?> { ["Digima:Scheduling:RateLimitPerMinute"] = "0" });
        services.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var scenario = new ClusterScenario(services);
        for (var i = 0; i < reps; i++)
        {
            var rep = await services.AddUserAsync(UserRole.Rep, $"rep{i}.{Guid.NewGuid():N}"[..16] + "@digima.test");
            await TestMailboxes.ConnectAsync(services.Provider, rep);
            var customer = new Customer { LastName = $"顧客{i}", Email = $"c{i}.{Guid.NewGuid():N}"[..14] + "@customer.test", Company = "株式会社クラスタ" };
            scenario.Pairs.Add((rep, customer with { Id = await services.Get<ICustomerRepository>().InsertAsync(customer, CancellationToken.None) }));
        }

        return scenario;
    }

    /// <summary>Starts a node with the cluster's timing and, over it, <paramref name="settings"/>.</summary>
    public AppNodeProcess StartNode(IReadOnlyDictionary<string, string>? settings = null)
    {
        var merged = new Dictionary<string, string>(NodeSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        var node = AppNodeProcess.Start(Services.Database.ConnectionString, merged);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Waits until this many scheduler instances have checked in to the cluster.</summary>
    public Task WaitForNodesAsync(int count) =>
        WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'Digima'") >= count, TimeSpan.FromSeconds(90));

    /// <summary>Stores <paramref name="perRep"/> scheduled mails for every rep, all due at <paramref name="due"/>.</summary>
    public async Task<List<long>> ScheduleAsync(int perRep, DateTimeOffset due)
    {
        var factory = Services.Get<ComposedMailFactory>();
        var repository = Services.Get<IOutgoingMailRepository>();
        var trigger = Services.Get<IScheduledSendTrigger>();
        var ids = new List<long>();
        for (var n = 0; n < perRep; n++)
        {
            foreach (var (rep, customer) in Pairs)
            {
                var input = new ComposeInput { To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)], Subject = $"{{{{姓}}}}様 予約 {n}", Body = "本文です。" };
                var built = await factory.BuildAsync(rep, input, CancellationToken.None);
                var id = await repository.InsertAsync(built.Value! with { Status = MailStatus.Scheduled, ScheduledAt = due, ScheduleTimeZone = "Asia/Tokyo" }, CancellationToken.None);
                await trigger.ScheduleAsync(id, due, CancellationToken.None);
                ids.Add(id);
            }
        }

        return ids;
    }

    public Task<long> CountAsync(string status) => ScalarAsync<long>("SELECT count(*) FROM outgoing_mails WHERE status = @status", new { status });

    /// <summary>How often each Message-ID arrived in the customers' inboxes.</summary>
    public async Task<Dictionary<string, int>> DeliveredAsync()
    {
        var counts = new Dictionary<string, int>();
        foreach (var (_, customer) in Pairs)
        {
            using var imap = new ImapClient();
            await imap.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort, SecureSocketOptions.None);
            await imap.AuthenticateAsync(customer.Email, TestEnvironment.MailPassword);
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            if (imap.Inbox.Count > 0)
            {
                foreach (var summary in await imap.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope))
                {
                    var id = summary.Envelope?.MessageId ?? "";
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }

            await imap.DisconnectAsync(true);
        }

        return counts;
    }

    public async Task<List<string>> MessageIdsAsync() =>
        (await QueryAsync<string>("SELECT message_id FROM outgoing_mails")).ToList();

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Services.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("no value");
    }

    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Services.Database.DataSource.OpenConnectionAsync();
        return await connection.QueryAsync<T>(sql, args);
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached in {timeout}. Node output:\n" + string.Join("\n---\n", _nodes.Select(n => Tail(n.Output))));
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Services.DisposeAsync();
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}

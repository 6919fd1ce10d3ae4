using Digima.Benchmarks.Compose;
using Digima.Benchmarks.Import;
using Digima.Benchmarks.Timeline;
using System.Globalization;
using Digima.Core.Accounts;
using Digima.Core.Customers;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Circuits;

/// <summary>`./digima bench circuits`: what one node holds. Real Chromium tabs, each signed in as a
/// rep of its own, idle on compose, a customer's timeline and メールボックス at 1..N tabs: the app's
/// live managed heap and working set after a full collection, whose slope over the tabs is the
/// memory of one circuit. Then the UI round trip of 宛先 (key to suggestions drawn, debounce
/// subtracted) with one tab alone, and with every tab busy typing, scrolling or opening mail.</summary>
internal static class CircuitsBenchmark
{
    private const string DatabaseName = "digima_bench_circuits";
    private const string Password = "bench-password-1";
    private const int Customers = 300;

    /// <summary>Each kind of page: its address and what shows it is loaded.</summary>
    internal static readonly (string Name, string Path, string Ready)[] Kinds =
    [
        ("compose", "/mail/compose", "[data-testid='recipient-input-to']"),
        ("timeline", $"/customers/{TimelineBulkLoad.HotCustomerId}", ".timeline-entry"),
        ("mailbox", "/mail/mailbox", "[data-testid='mail-row']"),
    ];

    public static async Task RunAsync(CircuitsOptions options)
    {
        var connectionString = await BenchDatabase.RecreateAsync(BenchEnvironment.Database, DatabaseName);
        await SeedAsync(connectionString, options);
        await using var app = await AppUnderBench.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["Digima__MailImport__ScheduleEnabled"] = "false",
            ["Digima__MailImport__IdleEnabled"] = "false",
            ["Digima__Diagnostics__Enabled"] = "true",
            // A tab left behind frees its circuit at once, so each reading counts only open tabs.
            ["Digima__Circuits__DisconnectedMaxRetained"] = "0",
        });
        using var probe = new MemoryProbe(app.BaseUrl);
        var emails = Enumerable.Range(1, options.Pages).Select(i => $"rep{i}@bench.test").ToList();
        Log($"{BenchMachine.Describe()}, load {BenchMachine.LoadAverage()}; {options.Pages} tabs, {options.Keys} keys a typing tab");
        await using var tabs = await BenchTabs.SignInAsync(app.BaseUrl, emails, Password);
        async Task HoldAsync(string what)
        {
            if (options.HoldSeconds > 0)
            {
                Log($"holding {options.HoldSeconds} s at {what}: dotnet-gcdump collect -p {app.ProcessId}");
                await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
            }
        }

        // Every kind of page once first: the first tab of a kind pays for what the process then
        // keeps for all (compiled code, MudBlazor's and the resources' caches), not a circuit's share.
        var warmUp = tabs.Pages.Take(Math.Min(4, tabs.Pages.Count)).ToList();
        foreach (var kind in Kinds)
        {
            await BenchTabs.OpenAsync(warmUp, kind.Path, kind.Ready);
            await BenchTabs.CloseAsync(warmUp);
        }

        var empty = await probe.SettledAsync(0);
        Log($"signed in; no circuits: managed {Mb(empty.ManagedBytes)}, working set {Mb(empty.WorkingSetBytes)}");

        var idle = new List<CircuitsReport.Idle>();
        foreach (var kind in Kinds)
        {
            idle.Add(await IdleAsync(tabs, probe, kind, options.Steps, HoldAsync));
            await BenchTabs.CloseAsync(tabs.Pages);
            await probe.SettledAsync(0);
        }

        var baseline = await TypingAsync(tabs.Pages.Take(1).ToList(), [], options.Keys);
        await BenchTabs.CloseAsync(tabs.Pages);
        await probe.SettledAsync(0);
        Log($"round trip, one tab alone: {baseline.Ms()}");
        var busy = await BusyAsync(tabs, probe, options.Keys);
        Log($"round trip, {options.Pages} tabs busy: {busy.Ms()}");
        CircuitsReport.Print(options, idle, baseline, busy);
    }

    private static async Task<CircuitsReport.Idle> IdleAsync(BenchTabs tabs, MemoryProbe probe, (string Name, string Path, string Ready) kind, IReadOnlyList<int> steps, Func<string, Task> hold)
    {
        var readings = new List<(int Pages, MemoryProbe.Figures Figures)>();
        var open = 0;
        foreach (var step in steps)
        {
            await BenchTabs.OpenAsync(tabs.Pages.Skip(open).Take(step - open), kind.Path, kind.Ready);
            open = step;
            var figures = await probe.SettledAsync(open);
            readings.Add((open, figures));
            Log($"{kind.Name}, {open} tabs idle: managed {Mb(figures.ManagedBytes)}, working set {Mb(figures.WorkingSetBytes)}, load {BenchMachine.LoadAverage()}");
            if (step == steps[0] || step == steps[^1])
            {
                await hold($"{kind.Name}, {open} tabs");
            }
        }

        return new CircuitsReport.Idle(kind.Name, readings);
    }

    /// <summary>A quarter of the tabs scroll the timeline, a quarter open mail, the rest type in 宛先 (all timed).</summary>
    private static async Task<Stats> BusyAsync(BenchTabs tabs, MemoryProbe probe, int keys)
    {
        var typing = new List<Microsoft.Playwright.IPage>();
        var scrolling = new List<Microsoft.Playwright.IPage>();
        var reading = new List<Microsoft.Playwright.IPage>();
        for (var i = 0; i < tabs.Pages.Count; i++)
        {
            (i % 4 == 1 ? scrolling : i % 4 == 3 ? reading : typing).Add(tabs.Pages[i]);
        }

        await BenchTabs.OpenAsync(scrolling, Kinds[1].Path, Kinds[1].Ready);
        await BenchTabs.OpenAsync(reading, Kinds[2].Path, Kinds[2].Ready);
        var result = await TypingAsync(typing, [.. scrolling.Select(p => (Func<CancellationToken, Task>)(stop => PageActivity.ScrollTimelineAsync(p, stop))),
            .. reading.Select(p => (Func<CancellationToken, Task>)(stop => PageActivity.OpenPreviewsAsync(p, stop)))], keys);
        await BenchTabs.CloseAsync(tabs.Pages);
        await probe.SettledAsync(0);
        return result;
    }

    private static async Task<Stats> TypingAsync(IReadOnlyList<Microsoft.Playwright.IPage> typing, IReadOnlyList<Func<CancellationToken, Task>> others, int keys)
    {
        await BenchTabs.OpenAsync(typing, Kinds[0].Path, Kinds[0].Ready);
        using var stop = new CancellationTokenSource();
        var background = others.Select(o => o(stop.Token)).ToList();
        var timed = await Task.WhenAll(typing.Select(page => RecipientRoundTrip.RunAsync(page, keys)));
        await stop.CancelAsync();
        await Task.WhenAll(background);
        return Stats.Of(timed.SelectMany(t => t));
    }

    /// <summary>The timeline benchmark's mail (its reps rep1..repN@bench.test, customers
    /// c1..@customer.test), every rep given a password to sign in with.</summary>
    private static async Task SeedAsync(string connectionString, CircuitsOptions options)
    {
        await using var provider = Build(connectionString);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        var shape = new TimelineBulkLoad.MailShape(options.Mails, Math.Min(2_000, options.Mails / 2), Customers, options.Pages, DateTime.UtcNow.AddDays(-30));
        await TimelineBulkLoad.LoadAsync(dataSource, shape, Log);
        // The load makes mail i a rep's sent mail when i % 4 = 0 and gives it rep 1 + i % reps, so
        // with reps a multiple of 4 some reps would have no received mail: spread it across the reps.
        await using (var spread = dataSource.CreateCommand("UPDATE imported_mails SET direction = CASE WHEN (uid / @reps) % 4 = 0 THEN 'sent' ELSE 'received' END"))
        {
            spread.Parameters.AddWithValue("reps", options.Pages);
            await spread.ExecuteNonQueryAsync();
        }

        // The load writes customers with SQL alone; the search reads what CustomerRepository writes.
        for (var id = 1; id <= Customers; id++)
        {
            var customer = new Customer { Id = id, LastName = "顧客", FirstName = id.ToString(CultureInfo.InvariantCulture), Email = $"c{id}@customer.test" };
            await using var searchable = dataSource.CreateCommand("UPDATE customers SET search_text = @text, search_reading = @reading WHERE id = @id");
            searchable.Parameters.AddWithValue("text", CustomerSearchText.Build(customer));
            searchable.Parameters.AddWithValue("reading", CustomerSearchText.BuildReading(customer));
            searchable.Parameters.AddWithValue("id", (long)id);
            await searchable.ExecuteNonQueryAsync();
        }

        await using var command = dataSource.CreateCommand("UPDATE users SET password_hash = @hash");
        command.Parameters.AddWithValue("hash", provider.GetRequiredService<IPasswordHashing>().Hash(Password));
        await command.ExecuteNonQueryAsync();
    }

    internal static string Mb(double bytes) => (bytes / 1048576).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}

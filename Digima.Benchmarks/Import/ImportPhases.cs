using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailImport;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Benchmarks.Import;

/// <summary>`--phases 1`: where an import's wall time goes. The app's IMAP server and import
/// repository are wrapped (the code under them is the app's) and every call is timed; per phase
/// the report gives the calls, the summed time and the wall time during which at least one call
/// of it was running (phases overlap: that is the pipeline at work).</summary>
internal sealed class ImportPhases
{
    private readonly ConcurrentQueue<(string Phase, long Start, long End)> _calls = new();
    private long _origin = Stopwatch.GetTimestamp();
    private (long Busy, long Total) _cpuAtStart;

    /// <summary>Registers the timing wrappers over the app's own registrations.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(sp => new TimedRepository(ActivatorUtilities.CreateInstance<ImportedMailRepository>(sp), this));
        services.AddSingleton<IImportedMailRepository>(sp => sp.GetRequiredService<TimedRepository>());
        services.AddSingleton<IMailImportServer>(sp => new TimedServer(ActivatorUtilities.CreateInstance<ImapImportServer>(sp), this));
    }

    public void Start()
    {
        _calls.Clear();
        _cpuAtStart = MachineCpu();
        _origin = Stopwatch.GetTimestamp();
    }

    /// <summary>One line per phase: calls, summed time, busy wall time, first start and last end.</summary>
    public IReadOnlyList<string> Report()
    {
        var c = CultureInfo.InvariantCulture;
        var cpu = MachineCpu();
        var machine = string.Format(c, "  machine CPU busy {0:P0} of {1} cores (all processes: this one, PostgreSQL, Dovecot, others)",
            (double)(cpu.Busy - _cpuAtStart.Busy) / Math.Max(1, cpu.Total - _cpuAtStart.Total), Environment.ProcessorCount);
        return _calls.GroupBy(x => x.Phase).OrderBy(g => g.Min(x => x.Start)).Select(g =>
        {
            var calls = g.OrderBy(x => x.Start).ToList();
            long busy = 0, until = long.MinValue;
            foreach (var (_, start, end) in calls)
            {
                busy += Math.Max(0, end - Math.Max(start, until));
                until = Math.Max(until, end);
            }

            return string.Format(c, "  {0,-10} {1,5} calls  sum {2,7:F0} ms  busy {3,7:F0} ms  from {4,6:F0} to {5,6:F0} ms",
                g.Key, calls.Count, Ms(calls.Sum(x => x.End - x.Start)), Ms(busy), Ms(calls[0].Start - _origin), Ms(calls.Max(x => x.End) - _origin));
        }).Append(machine).ToList();

        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>Jiffies of all cores from /proc/stat: busy (not idle or iowait) and total.</summary>
    private static (long Busy, long Total) MachineCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }

    private async Task<T> TimeAsync<T>(string phase, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            _calls.Enqueue((phase, start, Stopwatch.GetTimestamp()));
        }
    }

    private sealed class TimedServer(IMailImportServer inner, ImportPhases phases) : IMailImportServer
    {
        public async Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken) =>
            new TimedSession(await phases.TimeAsync("connect", () => inner.ConnectAsync(mailbox, cancellationToken)), phases);
    }

    private sealed class TimedSession(IMailImportSession inner, ImportPhases phases) : IMailImportSession
    {
        public Task<MailFolderState?> OpenAsync(ImportFolder folder, CancellationToken cancellationToken) =>
            phases.TimeAsync("examine", () => inner.OpenAsync(folder, cancellationToken));

        public Task<IReadOnlyList<ServerFolder>> ListFoldersAsync(CancellationToken cancellationToken) =>
            phases.TimeAsync("list", () => inner.ListFoldersAsync(cancellationToken));

        public Task<IReadOnlyList<uint>> SearchSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            phases.TimeAsync("search", () => inner.SearchSinceAsync(since, cancellationToken));

        public Task<IReadOnlyList<uint>> SearchAfterAsync(uint lastUid, CancellationToken cancellationToken) =>
            phases.TimeAsync("search", () => inner.SearchAfterAsync(lastUid, cancellationToken));

        public Task<IReadOnlyList<uint>> SearchExchangedWithAsync(string? address, DateTimeOffset since, CancellationToken cancellationToken) =>
            phases.TimeAsync("search", () => inner.SearchExchangedWithAsync(address, since, cancellationToken));

        public Task<IReadOnlyList<MailSummary>> FetchSummariesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken) =>
            phases.TimeAsync("summaries", () => inner.FetchSummariesAsync(uids, cancellationToken));

        public Task<MailBodies> FetchBodiesAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken) =>
            phases.TimeAsync("bodies", () => inner.FetchBodiesAsync(uids, cancellationToken));

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    internal sealed class TimedRepository(IImportedMailRepository inner, ImportPhases phases) : IImportedMailRepository
    {
        public Task<KnownIdentities> FindKnownAsync(long userId, IReadOnlyCollection<string> identities, CancellationToken cancellationToken) =>
            phases.TimeAsync("known", () => inner.FindKnownAsync(userId, identities, cancellationToken));

        public Task<IReadOnlyDictionary<string, long>> MatchCustomersAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
            phases.TimeAsync("customers", () => inner.MatchCustomersAsync(emails, cancellationToken));

        public Task<MailImportCursor?> GetCursorAsync(long userId, ImportFolder folder, CancellationToken cancellationToken) =>
            phases.TimeAsync("cursor", () => inner.GetCursorAsync(userId, folder, cancellationToken));

        public Task<int> StoreBatchAsync(MailImportBatch batch, CancellationToken cancellationToken) =>
            phases.TimeAsync("store", () => inner.StoreBatchAsync(batch, cancellationToken));

        public Task RecordSuccessAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken) =>
            phases.TimeAsync("status", async () =>
            {
                await inner.RecordSuccessAsync(userId, at, cancellationToken);
                return 0;
            });

        public Task RecordFailureAsync(long userId, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.RecordFailureAsync(userId, error, at, cancellationToken);

        public Task<bool> DeleteAsync(long userId, long mailId, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.DeleteAsync(userId, mailId, at, cancellationToken);
    }
}

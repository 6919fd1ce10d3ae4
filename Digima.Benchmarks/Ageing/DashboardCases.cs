using Digima.Core.Common;
using Digima.Core.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>The dashboard's queries over the same data, each for the 90 days ending with the newest
/// mail, for everyone (a manager's view) and for one rep; the goal is p95 <= 200 ms for
/// every one. Timed and reported with the 返信待ち pages.</summary>
internal static class DashboardCases
{
    public const double GoalP95Ms = 200;
    private const string Zone = "Asia/Tokyo";

    /// <param name="services">A scope of the app's own services (AddCore + AddInfrastructure).</param>
    /// <param name="manager">A manager, who sees every rep's figures.</param>
    /// <param name="reps">The loaded reps, users 1..n.</param>
    /// <param name="dataEnd">The newest loaded mail: a 90-day period ending here is full of mail.</param>
    public static IReadOnlyList<QueryCase> Build(IServiceProvider services, CurrentUser manager, IReadOnlyList<CurrentUser> reps, DateTimeOffset dataEnd)
    {
        _ = manager;
        var queries = services.GetRequiredService<IDashboardQueries>();
        var period = Period(dataEnd);
        var cases = new List<QueryCase>();
        var turn = 0;
        foreach (var (who, rep) in new (string, Func<long?>)[] { ("everyone", () => null), ("one rep", () => reps[turn++ % reps.Count].Id) })
        {
            cases.Add(Case($"dashboard 送信, {who}", async ct => Expect(await queries.SentPerWeekAsync(period, rep(), Zone, ct))));
            cases.Add(Case($"dashboard 開封・クリック, {who}", async ct => Expect(await queries.TrackingPerWeekAsync(period, rep(), Zone, ct))));
            cases.Add(Case($"dashboard 返信あり, {who}", async ct => Expect(await queries.RepliedPerWeekAsync(period, rep(), Zone, ct))));
            cases.Add(Case($"dashboard 返信待ちの経過, {who}", async ct => Expect(await queries.WaitingPerDayAsync(rep(), Zone, ct))));
            cases.Add(Case($"dashboard 保留・失敗, {who}", async ct => Expect((await queries.ListProblemMailAsync(period, rep(), Zone, 50, ct)).Rows)));
        }

        return cases;
    }

    /// <summary>The baseline of 返信あり (a probe per mail), checked against the product's answer.</summary>
    public static QueryCase NaiveReplied(IServiceProvider services, NpgsqlDataSource dataSource, DateTimeOffset dataEnd) =>
        Ageing.NaiveReplied.Case(dataSource, services.GetRequiredService<IDashboardQueries>(), Period(dataEnd), Zone);

    /// <summary>The 90 days ending with the newest loaded mail.</summary>
    private static DashboardPeriod Period(DateTimeOffset dataEnd)
    {
        var last = DateOnly.FromDateTime(TimeZones.ToUserTime(dataEnd, Zone).DateTime);
        return new DashboardPeriod(last.AddDays(-89), last);
    }

    private static QueryCase Case(string name, Func<CancellationToken, Task> run) => new(name, run, GoalP95Ms);

    // Every query has rows over 90 days of this data: none means it read nothing, not that it was fast.
    private static void Expect<T>(IReadOnlyCollection<T> rows)
    {
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"A dashboard query returned no {typeof(T).Name} over 90 days of mail.");
        }
    }
}

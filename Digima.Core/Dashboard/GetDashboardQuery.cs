using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Dashboard;

/// <summary>「ダッシュボード」 (E7), for managers: per rep and week, mail sent, opened (automatic
/// opens apart), clicked and replied to; 返信待ちの経過; held and failed mail. Counted in the
/// manager's zone, weeks from Monday.</summary>
public sealed class GetDashboardQuery(IDashboardQueries queries, IUserRepository users, IBusinessCalendarRepository calendar, TimeProvider time)
{
    /// <summary>Rows of 保留・失敗 shown; the count says how many there are in all.</summary>
    public const int ProblemRows = 50;

    /// <param name="repId">One rep only, or null for everyone.</param>
    /// <exception cref="ForbiddenException">The actor is not a manager.</exception>
    /// <exception cref="ArgumentException">The period is reversed or too long.</exception>
    public async Task<DashboardReport> GetAsync(CurrentUser actor, DashboardPeriod period, long? repId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        actor.EnsureManager();
        period.EnsureValid();
        var zone = actor.TimeZoneId;

        // Each read opens its own connection: run side by side, the page waits for the slowest.
        var sent = queries.SentPerWeekAsync(period, repId, zone, cancellationToken);
        var tracking = queries.TrackingPerWeekAsync(period, repId, zone, cancellationToken);
        var replied = queries.RepliedPerWeekAsync(period, repId, zone, cancellationToken);
        var waiting = queries.WaitingPerDayAsync(repId, zone, cancellationToken);
        var problems = queries.ListProblemMailAsync(period, repId, zone, ProblemRows, cancellationToken);
        var people = users.ListAsync(cancellationToken);
        var days = calendar.GetAsync(cancellationToken);
        await Task.WhenAll(sent, tracking, replied, waiting, problems, people, days);

        var cells = new Dictionary<(long Rep, DateOnly Week), DashboardCounts>();
        void Add(long rep, DateOnly week, DashboardCounts counts) =>
            cells[(rep, week)] = cells.GetValueOrDefault((rep, week), DashboardCounts.Zero).Plus(counts);
        foreach (var r in sent.Result)
        {
            Add(r.RepId, r.Week, new DashboardCounts { AppSent = r.AppSent, ClientSent = r.ClientSent });
        }

        foreach (var r in tracking.Result)
        {
            Add(r.RepId, r.Week, new DashboardCounts { OpenTracked = r.OpenTracked, Opened = r.Opened, AutoOpenedOnly = r.AutoOpenedOnly, Clicked = r.Clicked });
        }

        foreach (var r in replied.Result)
        {
            Add(r.RepId, r.Week, new DashboardCounts { Replied = r.Count });
        }

        var weeks = period.Weeks();
        var reps = RepsShown(people.Result, cells.Keys.Select(k => k.Rep), repId)
            .Select(u =>
            {
                var perWeek = weeks.Select(w => cells.GetValueOrDefault((u.Id, w), DashboardCounts.Zero)).ToList();
                return new DashboardRep(u.Id, u.DisplayName, perWeek, perWeek.Aggregate(DashboardCounts.Zero, (a, b) => a.Plus(b)));
            })
            .ToList();
        var weekTotals = weeks.Select((_, i) => reps.Aggregate(DashboardCounts.Zero, (a, r) => a.Plus(r.PerWeek[i]))).ToList();
        var today = DashboardPresets.Today(time, zone);

        return new DashboardReport
        {
            Period = period,
            Weeks = weeks,
            Reps = reps,
            WeekTotals = weekTotals,
            Total = weekTotals.Aggregate(DashboardCounts.Zero, (a, b) => a.Plus(b)),
            Waiting = WaitingAgeBuckets.Count(waiting.Result, days.Result, today),
            Problems = problems.Result,
        };
    }

    // Every active rep, so one who sent nothing shows as 0, and anyone (a manager, a former rep)
    // whose mail is counted; with a filter, that rep alone.
    private static IEnumerable<User> RepsShown(IReadOnlyList<User> people, IEnumerable<long> counted, long? repId)
    {
        var ids = counted.ToHashSet();
        return people
            .Where(u => repId is { } only ? u.Id == only : ids.Contains(u.Id) || (u.IsActive && u.Role == UserRole.Rep))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .ThenBy(u => u.Id);
    }
}

namespace Digima.Core.Dashboard;

/// <summary>The dashboard's reads, one statement each, for one period (days in
/// <paramref name="timeZoneId"/>'s calendar), everyone or one rep. Each counts mail by the week
/// (Monday, in that zone) it was sent in. Sized for a 90-day period over a million mails
/// (docs/decisions/0021-dashboard.md); a benchmark calls them directly.</summary>
public interface IDashboardQueries
{
    /// <summary>送信: app mail sent, and mail the rep sent from their own client (imported from
    /// Sent) with a customer in To or Cc, per rep and week.</summary>
    Task<IReadOnlyList<RepWeekSent>> SentPerWeekAsync(DashboardPeriod period, long? repId, string timeZoneId, CancellationToken cancellationToken);

    /// <summary>開封 and クリック of app mail sent in the period, per rep and week of sending: mails
    /// opened by a person, mails opened only automatically, mails whose link a person clicked.</summary>
    Task<IReadOnlyList<RepWeekTracking>> TrackingPerWeekAsync(DashboardPeriod period, long? repId, string timeZoneId, CancellationToken cancellationToken);

    /// <summary>返信あり: mail sent in the period (app and own client) a customer in its To or Cc has
    /// written to us after, per rep and week of sending.</summary>
    Task<IReadOnlyList<RepWeekCount>> RepliedPerWeekAsync(DashboardPeriod period, long? repId, string timeZoneId, CancellationToken cancellationToken);

    /// <summary>Customers waiting for our reply now (返信待ち), counted by the day (in the zone) of
    /// their unanswered mail and the rep whose mailbox holds it. Not bound to a period.</summary>
    Task<IReadOnlyList<WaitingDay>> WaitingPerDayAsync(long? repId, string timeZoneId, CancellationToken cancellationToken);

    /// <summary>保留・失敗: app mail held or failed in the period, newest first, at most
    /// <paramref name="limit"/>, with the count of all of them.</summary>
    Task<ProblemMailPage> ListProblemMailAsync(DashboardPeriod period, long? repId, string timeZoneId, int limit, CancellationToken cancellationToken);
}

public sealed record RepWeekSent(long RepId, DateOnly Week, int AppSent, int ClientSent);

public sealed record RepWeekTracking(long RepId, DateOnly Week, int OpenTracked, int Opened, int AutoOpenedOnly, int Clicked);

public sealed record RepWeekCount(long RepId, DateOnly Week, int Count);

public sealed record WaitingDay(long? RepId, DateOnly Day, int Count);

/// <summary>A held (保留) or failed app mail: its first customer, subject, rep, why and when.</summary>
public sealed record ProblemMail
{
    public long MailId { get; init; }
    public long RepId { get; init; }
    public string RepName { get; init; } = "";
    public Sending.MailStatus Status { get; init; }
    public string Subject { get; init; } = "";
    public string Reason { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public long? CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
}

public sealed record ProblemMailPage(IReadOnlyList<ProblemMail> Rows, int TotalCount);

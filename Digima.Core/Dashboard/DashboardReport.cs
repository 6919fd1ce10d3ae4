namespace Digima.Core.Dashboard;

/// <summary>What one rep did in one week (or in the whole period, for totals). 送信 is app mail
/// and mail from the rep's own client; 開封, 自動開封（参考） and クリック are of app mail (only it
/// carries tracking); 返信あり of both.</summary>
public sealed record DashboardCounts
{
    public static readonly DashboardCounts Zero = new();

    public int AppSent { get; init; }
    public int ClientSent { get; init; }
    public int Sent => AppSent + ClientSent;

    /// <summary>App mail sent with open tracking on: the base of the open rate.</summary>
    public int OpenTracked { get; init; }
    public int Opened { get; init; }
    public int AutoOpenedOnly { get; init; }
    public int Clicked { get; init; }
    public int Replied { get; init; }

    public DashboardCounts Plus(DashboardCounts o) => new()
    {
        AppSent = AppSent + o.AppSent,
        ClientSent = ClientSent + o.ClientSent,
        OpenTracked = OpenTracked + o.OpenTracked,
        Opened = Opened + o.Opened,
        AutoOpenedOnly = AutoOpenedOnly + o.AutoOpenedOnly,
        Clicked = Clicked + o.Clicked,
        Replied = Replied + o.Replied,
    };

    /// <summary>Of mail that could be opened (tracked), the share a person opened; null without any.</summary>
    public double? OpenRate => OpenTracked == 0 ? null : (double)Opened / OpenTracked;

    public double? ClickRate => AppSent == 0 ? null : (double)Clicked / AppSent;

    public double? ReplyRate => Sent == 0 ? null : (double)Replied / Sent;
}

/// <summary>A rep on the dashboard: their counts per week (in the order of <see cref="DashboardReport.Weeks"/>) and in total.</summary>
public sealed record DashboardRep(long RepId, string Name, IReadOnlyList<DashboardCounts> PerWeek, DashboardCounts Total);

/// <summary>返信待ちの経過: how many customers wait, by business days since their mail.</summary>
public sealed record WaitingBucketCount(WaitingAgeBucket Bucket, int Count);

public sealed record DashboardReport
{
    public required DashboardPeriod Period { get; init; }
    public required IReadOnlyList<DateOnly> Weeks { get; init; }
    public required IReadOnlyList<DashboardRep> Reps { get; init; }
    public required IReadOnlyList<DashboardCounts> WeekTotals { get; init; }
    public required DashboardCounts Total { get; init; }
    public required IReadOnlyList<WaitingBucketCount> Waiting { get; init; }
    public required ProblemMailPage Problems { get; init; }

    /// <summary>Nothing sent and nothing held or failed: the page says so instead of empty charts.</summary>
    public bool HasNoMail => Total.Sent == 0 && Problems.TotalCount == 0;
}

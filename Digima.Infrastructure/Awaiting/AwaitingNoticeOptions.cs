using Digima.Core.Common;

namespace Digima.Infrastructure.Awaiting;

/// <summary><c>Digima:Awaiting</c>: the job that gives the daily 返信待ち summaries.</summary>
public sealed class AwaitingNoticeOptions
{
    public const string Section = "Digima:Awaiting";

    /// <summary>Whether this node keeps the summary job in the clustered scheduler (any one node
    /// that does is enough); off in browser tests, where the summary has its own tests.</summary>
    public bool SummaryEnabled { get; set; } = true;

    /// <summary>How often the job looks for reps whose 9:00 has passed: the summary comes at most
    /// this late.</summary>
    [TimeSpanRange("00:00:10")]
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromMinutes(5);
}

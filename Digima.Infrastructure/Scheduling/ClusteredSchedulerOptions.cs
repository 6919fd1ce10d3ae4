using System.ComponentModel.DataAnnotations;
using Digima.Core.Common;

namespace Digima.Infrastructure.Scheduling;

/// <summary><c>Digima:Quartz</c>: the clustered Quartz scheduler every node runs (scheduled sends
/// and the periodic IMAP sync). Every node of one installation must use the same name.</summary>
public sealed class ClusteredSchedulerOptions
{
    public const string Section = "Digima:Quartz";

    /// <summary>The cluster's name in the job store tables; nodes with the same name share the work.</summary>
    [Required(ErrorMessage = "must not be empty.")]
    public string SchedulerName { get; set; } = "Digima";

    /// <summary>Jobs one node runs at once (sends and syncs wait on the network, not the CPU).</summary>
    [Range(1, 200, ErrorMessage = "must be between {1} and {2}.")]
    public int MaxConcurrency { get; set; } = 10;

    /// <summary>Mailboxes one node sends due scheduled mail for at once (send lanes, without a rate
    /// limit); each holds one SMTP session of its mailbox while it runs.</summary>
    [Range(1, 500, ErrorMessage = "must be between {1} and {2}.")]
    public int SendLanes { get; set; } = 20;

    /// <summary>With send lanes, how long after its time a mail's own trigger fires, for mail no
    /// lane sent (a node died in the middle of a lane). Lanes send a burst well within it.</summary>
    [TimeSpanRange("00:00:00")]
    public TimeSpan TriggerGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node records that it is alive; a node silent for this plus
    /// <see cref="CheckinMisfireThreshold"/> is taken for dead and its triggers recovered.</summary>
    [TimeSpanRange("00:00:01")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Off on a node that should only serve pages: it still schedules, never fires.</summary>
    public bool SchedulingEnabled { get; set; } = true;

    /// <summary>How often the sweeper looks for overdue scheduled mail without a trigger.</summary>
    [TimeSpanRange("00:00:01")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

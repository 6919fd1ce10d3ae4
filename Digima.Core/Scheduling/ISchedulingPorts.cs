namespace Digima.Core.Scheduling;

/// <summary>One durable trigger per scheduled mail (Quartz, clustered: it fires on one node,
/// and after a restart if it was due while every node was down).</summary>
public interface IScheduledSendTrigger
{
    /// <summary>Creates or moves the mail's trigger.</summary>
    Task ScheduleAsync(long mailId, DateTimeOffset at, CancellationToken cancellationToken);

    Task UnscheduleAsync(long mailId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(long mailId, CancellationToken cancellationToken);
}

/// <summary>Per-mailbox rate limit shared by every node: hands out send slots spaced evenly.</summary>
public interface ISendPacing
{
    /// <summary>Takes the mailbox's next free slot, at or after <paramref name="now"/>.</summary>
    Task<DateTimeOffset> ReserveSlotAsync(long userId, DateTimeOffset now, TimeSpan spacing, CancellationToken cancellationToken);
}

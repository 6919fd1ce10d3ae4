using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Resources;
using Digima.Core.Sending;
using Digima.Core.Telemetry;
using Digima.Core.Timeline;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Scheduling;

/// <summary>「予約送信」 (R11): the same checks as 「今すぐ送信」 (R8), a time in the rep's zone at
/// least a minute and at most a year ahead, then the mail stored as scheduled and its trigger set.
/// This is the one place a mail becomes scheduled.</summary>
public sealed class ScheduleMailCommand(
    ComposedMailFactory factory,
    IScheduledSendTrigger trigger,
    ICustomerEventRecorder events,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text)
{
    public const string TimeProblem = "SendAt";

    /// <param name="localSendAt">Wall-clock time in <paramref name="zoneId"/> (the rep's zone when null).</param>
    public async Task<Outcome<long>> ScheduleAsync(
        CurrentUser actor, ComposeInput input, DateTime localSendAt, string? zoneId, CancellationToken cancellationToken)
    {
        zoneId ??= actor.TimeZoneId;
        var sendAt = SendTimeRules.ToUtc(localSendAt, zoneId);
        if (SendTimeRules.Problem(sendAt, time.GetUtcNow()) is { } problem)
        {
            return Outcome<long>.Failure(TimeProblem, text[problem]);
        }

        var built = await factory.BuildAsync(actor, input, cancellationToken);
        if (!built.Succeeded)
        {
            return Outcome<long>.Failure(built.Errors);
        }

        var mail = built.Value! with { Status = MailStatus.Scheduled, ScheduledAt = sendAt, ScheduleTimeZone = TimeZones.Find(zoneId).Id };
        var inserted = await factory.InsertAsync(mail, cancellationToken);
        if (!inserted.Succeeded)
        {
            return inserted;
        }

        var id = inserted.Value;
        DigimaTelemetry.MailQueued("scheduled");
        // Stored first: should setting the trigger fail, the sweeper finds the due mail without one.
        await trigger.ScheduleAsync(id, sendAt, cancellationToken);
        var now = time.GetUtcNow();
        await events.RecordAsync(
            mail.CustomerIds
                .Select(customerId => new CustomerEvent(customerId, CustomerEventKind.Scheduled, now, actor.Id, id))
                .ToList(),
            cancellationToken);
        return Outcome<long>.Success(id);
    }
}

using Digima.Core.LiveUpdates;
using Digima.Core.Resources;
using Digima.Core.Timeline;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Tracking;

/// <summary>Records an open (the image of <c>/t/o/{token}</c>) or a click (<c>/t/c/{token}</c>).
/// A token this app did not make, or a mail that was not sent with that tracking on, records
/// nothing; the caller answers exactly as for a good token (image) or with a plain 404 (click).</summary>
public sealed class RecordTrackingEventCommand(
    ITrackingTokens tokens,
    ITrackingRepository tracking,
    OpenNotifier notifier,
    ICustomerEventRecorder events,
    ILiveEvents live,
    IStringLocalizer<CoreMessages> text,
    TrackingOptions options,
    TimeProvider time,
    ILogger<RecordTrackingEventCommand> logger)
{
    /// <summary>Returns the URL to redirect to for a good click token, otherwise null.</summary>
    public async Task<string?> RecordAsync(string token, TrackingKind kind, TrackingVisitor visitor, CancellationToken cancellationToken)
    {
        var target = await tokens.ReadAsync(token, cancellationToken);
        if (target is null || target.Kind != kind || await tracking.GetMailAsync(target.MailId, cancellationToken) is not { } mail)
        {
            return null;
        }

        var url = kind == TrackingKind.Click ? MailLinks.At(mail.BodyText, target.LinkIndex) : null;
        if ((kind == TrackingKind.Open && !mail.OpenTracking) || (kind == TrackingKind.Click && (!mail.ClickTracking || url is null)))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var recent = await tracking.CountSinceAsync(mail.Id, now - options.BurstWindow, cancellationToken);
        var reason = AutomatedFetchRules.Judge(visitor.UserAgent, now, mail.SentAt, recent, options);
        var stored = new TrackingEvent
        {
            MailId = mail.Id,
            CustomerId = mail.CustomerIds.Count == 1 ? mail.CustomerIds[0] : null,
            Kind = kind,
            LinkUrl = url,
            OccurredAt = now,
            UserAgent = visitor.UserAgent.Length > 512 ? visitor.UserAgent[..512] : visitor.UserAgent,
            IpHash = await tokens.HashAddressAsync(visitor.RemoteAddress, cancellationToken),
            ProbablyAutomated = reason is not null,
            AutomatedReason = reason,
        };
        var (id, firstHumanOpen) = await tracking.InsertAsync(stored, cancellationToken);
        await RecordedAsync(mail, stored with { Id = id }, firstHumanOpen, cancellationToken);
        return url;
    }

    /// <summary>Everything that follows a stored open or click: the live event for open screens,
    /// the customer's timeline and the rep's notification.</summary>
    private async Task RecordedAsync(TrackedMail mail, TrackingEvent stored, bool firstHumanOpen, CancellationToken cancellationToken)
    {
        logger.LogInformation("Tracked {Kind} of mail {MailId} (automated: {Reason})", stored.Kind, mail.Id, stored.AutomatedReason);
        if (stored.CustomerId is { } customerId)
        {
            // On the customer's timeline (R13): the link clicked, or why an open may be a machine's.
            var detail = stored.Kind == TrackingKind.Click ? stored.LinkUrl ?? "" : stored.ProbablyAutomated ? text["TrackingProbablyAutomated"].Value : "";
            var kind = stored.Kind == TrackingKind.Click ? CustomerEventKind.Clicked : CustomerEventKind.Opened;
            await events.RecordAsync([new CustomerEvent(customerId, kind, stored.OccurredAt, mail.UserId, mail.Id, detail)], cancellationToken);
        }

        await live.PublishAsync(new TrackingRecorded(mail.Id, mail.UserId, stored.CustomerId, stored.Kind, stored.ProbablyAutomated), cancellationToken);
        var notify = stored.Kind == TrackingKind.Open && mail.NotifyOnOpen
            && (firstHumanOpen ? !stored.ProbablyAutomated : stored.ProbablyAutomated && options.NotifyProbablyAutomated);
        if (notify)
        {
            await notifier.NotifyAsync(mail, stored, cancellationToken);
        }
    }
}

using Digima.Core.LiveUpdates;
using Digima.Core.Timeline;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Tracking;

/// <summary>Records an open (the image of <c>/t/o/{token}</c>) or a click (<c>/t/c/{token}</c>).
/// A token this app did not make, or a mail that was not sent with that tracking on, records
/// nothing; the caller answers exactly as for a good token (image) or with a plain 404 (click).
/// The same client fetching the same token again within <see cref="TrackingOptions.RepeatWindow"/>
/// counts once (a click still leads to its link).</summary>
public sealed class RecordTrackingEventCommand(
    ITrackingTokens tokens,
    ITrackingRepository tracking,
    OpenNotifier notifier,
    ICustomerEventRecorder events,
    ILiveEvents live,
    TrackingOptions options,
    TimeProvider time,
    ILogger<RecordTrackingEventCommand> logger)
{
    /// <summary>Returns the URL to redirect to for a good click token (in ASCII, fit for a
    /// Location header), otherwise null.</summary>
    public async Task<string?> RecordAsync(string token, TrackingKind kind, TrackingVisitor visitor, CancellationToken cancellationToken)
    {
        var target = await tokens.ReadAsync(token, cancellationToken);
        if (target is null || target.Kind != kind || await tracking.GetMailAsync(target.MailId, cancellationToken) is not { } mail)
        {
            return null;
        }

        var url = kind == TrackingKind.Click ? MailLinks.At(mail.BodyText, target.LinkIndex) : null;
        var location = url is null ? null : MailLinks.ToLocation(url);
        if ((kind == TrackingKind.Open && !mail.OpenTracking) || (kind == TrackingKind.Click && (!mail.ClickTracking || location is null)))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var candidate = new TrackingEvent
        {
            MailId = mail.Id,
            CustomerId = mail.CustomerIds.Count == 1 ? mail.CustomerIds[0] : null,
            Kind = kind,
            LinkUrl = url,
            OccurredAt = now,
            UserAgent = visitor.UserAgent.Length > 512 ? visitor.UserAgent[..512] : visitor.UserAgent,
            IpHash = await tokens.HashAddressAsync(visitor.RemoteAddress, cancellationToken),
        };
        var stored = await tracking.InsertUnlessRepeatAsync(
            candidate, now - options.RepeatWindow, now - options.BurstWindow,
            history => AutomatedFetchRules.Judge(candidate.UserAgent, now, mail.SentAt, history, options), cancellationToken);
        if (stored is not null)
        {
            await RecordedAsync(mail, stored, cancellationToken);
        }

        return location;
    }

    /// <summary>Everything that follows a stored open or click: the customer's timeline, the live
    /// event for open screens and the rep's notification.</summary>
    private async Task RecordedAsync(TrackedMail mail, StoredTracking stored, CancellationToken cancellationToken)
    {
        var recorded = stored.Event;
        logger.LogInformation("Tracked {Kind} of mail {MailId} (automated: {Reason})", recorded.Kind, mail.Id, recorded.AutomatedReason);
        // Opens are counted on the mail's own timeline row (count, first and last time), never as
        // rows of their own; a link goes onto the timeline once, at its first click by a person.
        // So tracking adds at most one row per link of a mail, however often it is fetched.
        if (recorded is { Kind: TrackingKind.Click, CustomerId: { } customerId } && stored.FirstByPerson)
        {
            await events.RecordAsync(
                [new CustomerEvent(customerId, CustomerEventKind.Clicked, recorded.OccurredAt, mail.UserId, mail.Id, recorded.LinkUrl ?? "")], cancellationToken);
        }

        await live.PublishAsync(new TrackingRecorded(mail.Id, mail.UserId, recorded.CustomerId, recorded.Kind, recorded.ProbablyAutomated), cancellationToken);
        var notify = recorded.Kind == TrackingKind.Open && mail.NotifyOnOpen
            && (stored.FirstByPerson || (recorded.ProbablyAutomated && options.NotifyProbablyAutomated));
        if (notify)
        {
            await notifier.NotifyAsync(mail, recorded, cancellationToken);
        }
    }
}

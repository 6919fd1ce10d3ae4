using Digima.Core.Sending;
using Digima.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.Tracking;

/// <summary>What tracking adds to a mail's HTML part.</summary>
/// <param name="PixelUrl">The 1x1 image, when open tracking is on.</param>
/// <param name="LinkUrls">The rewritten address of each link, by position, when click tracking is on.</param>
internal sealed record TrackingMarkup(string? PixelUrl, IReadOnlyList<string>? LinkUrls);

/// <summary>Makes the tracking URLs of a mail under <see cref="TrackingOptions.PublicBaseUrl"/>.
/// Tracking off, or no public address configured: nothing (no image, no rewritten link).</summary>
internal sealed class TrackedHtml(ITrackingTokens tokens, TrackingOptions options, ILogger<TrackedHtml> logger)
{
    public async Task<TrackingMarkup?> ForAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (!mail.OpenTracking && !mail.ClickTracking)
        {
            return null;
        }

        if (!options.CanTrack)
        {
            logger.LogWarning("Mail {MailId} asked for tracking but Digima:Tracking:PublicBaseUrl is not set; sent without", mail.Id);
            return null;
        }

        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        string? pixel = null;
        if (mail.OpenTracking)
        {
            pixel = $"{baseUrl}/t/o/{await tokens.CreateAsync(new TrackingTarget(mail.Id, TrackingKind.Open), cancellationToken)}";
        }

        List<string>? links = null;
        if (mail.ClickTracking)
        {
            links = [];
            for (var i = 0; i < MailLinks.Find(mail.BodyText).Count; i++)
            {
                links.Add($"{baseUrl}/t/c/{await tokens.CreateAsync(new TrackingTarget(mail.Id, TrackingKind.Click, i), cancellationToken)}");
            }
        }

        return new TrackingMarkup(pixel, links);
    }
}

using System.ComponentModel.DataAnnotations;
using Digima.Core.Common;

namespace Digima.Core.Tracking;

/// <summary><c>Digima:Tracking</c>: open and click tracking (R9).</summary>
public sealed class TrackingOptions : IValidatableObject
{
    public const string Section = "Digima:Tracking";

    /// <summary>The address customers' mail clients reach this app at, e.g. https://mail.example.co.jp.
    /// Empty: mail goes out without tracking (nothing could reach the image or the links).</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>An open or click this soon after sending is taken for a security scanner.</summary>
    [TimeSpanRange("00:00:00")]
    public TimeSpan ScannerWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Opens of one mail this close together (<see cref="BurstSize"/> or more) are a machine.</summary>
    [TimeSpanRange("00:00:00")]
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromSeconds(10);

    [Range(2, int.MaxValue, ErrorMessage = "must be at least {1}.")]
    public int BurstSize { get; set; } = 3;

    /// <summary>The same image or link fetched again by the same client (address and user agent)
    /// within this window counts once: a reload, a double click or a replay stores nothing.</summary>
    [TimeSpanRange("00:00:00")]
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests to the tracking addresses one client (address and user agent) may make per
    /// <see cref="ClientWindow"/>; the rest are answered 429 without touching the database.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be at least {1}.")]
    public int ClientRequestLimit { get; set; } = 20;

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether 「自動取得の可能性」 opens notify the rep too; off by default.</summary>
    public bool NotifyProbablyAutomated { get; set; }

    /// <summary>Whether tracked mail can carry the image and links at all.</summary>
    public bool CanTrack => PublicBaseUrl.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl.Length > 0
            && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0))
        {
            yield return new ValidationResult("must be an absolute http(s) URL without a query, or empty.", [nameof(PublicBaseUrl)]);
        }
    }
}

namespace Digima.Core.Tracking;

/// <summary>What a tracking token stands for: the mail's image, or its n-th link (0-based, in
/// the order the links appear in the body).</summary>
public sealed record TrackingTarget(long MailId, TrackingKind Kind, int LinkIndex = 0);

/// <summary>Who fetched: the user agent as sent and the remote address (hashed before storing).</summary>
public sealed record TrackingVisitor(string UserAgent, string? RemoteAddress);

namespace Digima.Core.Notifications;

/// <summary>A rep's notification choices.</summary>
/// <param name="EmailOnOpen">An open notice also comes by email, through the rep's own SMTP server, to their own address.</param>
/// <param name="NotifyOnReply">A customer's reply (they become or stay 返信待ち) is told under the bell.
/// On by default: a reply is what a rep waits for, and a missed one costs a deal; one notice per
/// reply is little noise.</param>
/// <param name="AwaitingSummary">At 9:00 on business days, in the rep's zone, who has waited 2+ business
/// days. On by default: it is one notice a day at most, and only when someone waits that long.</param>
public sealed record NotificationSettings(bool EmailOnOpen, bool NotifyOnReply = true, bool AwaitingSummary = true);

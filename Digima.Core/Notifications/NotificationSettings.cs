namespace Digima.Core.Notifications;

/// <summary>A rep's notification choices.</summary>
/// <param name="EmailOnOpen">An open notice also comes by email, through the rep's own SMTP server, to their own address.</param>
public sealed record NotificationSettings(bool EmailOnOpen);

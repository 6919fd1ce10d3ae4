namespace Digima.Core.Sending;

/// <summary>Narrows 「個別メール」: mail shown (<see cref="OutgoingMail.ShownAt"/>) from
/// <see cref="From"/> (included) to <see cref="To"/> (excluded), of one status, with one
/// outcome; null is no limit.</summary>
public sealed record IndividualMailFilter(DateTimeOffset? From = null, DateTimeOffset? To = null, MailStatus? Status = null, MailOutcome? Outcome = null)
{
    public static readonly IndividualMailFilter None = new();
}

/// <summary>What became of a sent mail, as 「ダッシュボード」 counts it: opened or clicked by a person
/// (not a mail scanner or a privacy proxy alone), or answered by a customer in To or Cc.</summary>
public enum MailOutcome
{
    Opened,
    Clicked,
    Replied,
}

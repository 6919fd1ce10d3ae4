namespace Digima.Core.Sending;

/// <summary>Narrows 「個別メール」: mail shown (<see cref="OutgoingMail.ShownAt"/>) from
/// <see cref="From"/> (included) to <see cref="To"/> (excluded), of one status; null is no limit.</summary>
public sealed record IndividualMailFilter(DateTimeOffset? From = null, DateTimeOffset? To = null, MailStatus? Status = null)
{
    public static readonly IndividualMailFilter None = new();
}

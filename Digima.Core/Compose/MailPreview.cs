using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>What the primary recipient would receive, and what stops or warns before sending.</summary>
public sealed record MailPreview(
    Customer? PrimaryRecipient,
    MergeResult Subject,
    MergeResult Body,
    IReadOnlyList<SpamWarning> Warnings)
{
    /// <summary>Merge fields used but empty for the primary recipient (R8), subject and body together.</summary>
    public IReadOnlyList<string> EmptyFields => Subject.EmptyFields.Union(Body.EmptyFields).ToList();

    public IReadOnlyList<string> UnknownTokens => Subject.UnknownTokens.Union(Body.UnknownTokens).ToList();
}

namespace Digima.Core.Compose;

/// <summary>A customer offered while typing in 宛先, Cc or Bcc.</summary>
public sealed record RecipientMatch(long CustomerId, string FullName, string FullNameKana, string Company, string Email);

/// <summary>Finds customers for the recipient fields: names, kana, full name with or without a
/// space, company or email; prefix matches before infix matches; at most <c>limit</c>.</summary>
public interface IRecipientSearch
{
    /// <param name="foldedText">The query folded with CustomerSearchText.Fold (never empty).</param>
    Task<IReadOnlyList<RecipientMatch>> SearchAsync(string foldedText, int limit, CancellationToken cancellationToken);
}

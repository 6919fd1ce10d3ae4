using Digima.Core.Common;
using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>The search behind 宛先/Cc/Bcc (R4, R5): results appear from the first character.</summary>
public sealed class SearchRecipientsQuery(IRecipientSearch search)
{
    /// <summary>Customers the list shows.</summary>
    public const int MaxResults = 10;

    /// <summary>Up to <see cref="MaxResults"/> customers and one more when there are more: the one
    /// past the page is never shown, it only lets the list say that typing more narrows it.</summary>
    public async Task<IReadOnlyList<RecipientMatch>> SearchAsync(CurrentUser actor, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var folded = CustomerSearchText.Fold(text);
        return folded.Length == 0 ? [] : await search.SearchAsync(folded, MaxResults + 1, cancellationToken);
    }
}

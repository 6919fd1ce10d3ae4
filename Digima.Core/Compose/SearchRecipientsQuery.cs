using Digima.Core.Common;
using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>The search behind 宛先/Cc/Bcc (R4, R5): results appear from the first character.</summary>
public sealed class SearchRecipientsQuery(IRecipientSearch search)
{
    public const int MaxResults = 10;

    public async Task<IReadOnlyList<RecipientMatch>> SearchAsync(CurrentUser actor, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var folded = CustomerSearchText.Fold(text);
        return folded.Length == 0 ? [] : await search.SearchAsync(folded, MaxResults, cancellationToken);
    }
}

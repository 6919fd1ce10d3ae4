using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>A user of the app offered in Cc or Bcc (社内).</summary>
public sealed record ColleagueMatch(long UserId, string DisplayName, string Email)
{
    public ComposeRecipient ToRecipient() => ComposeRecipient.Colleague(UserId, Email, DisplayName);
}

/// <summary>Colleagues for Cc and Bcc (E5): active users whose name or address contains the text,
/// folded as the customer search folds it. A company has tens of users, not a million customers:
/// one read of the users and a filter here, no index of its own.</summary>
public sealed class SearchColleaguesQuery(IUserRepository users)
{
    /// <summary>Colleagues shown above the customers: few, so the customers stay in view.</summary>
    public const int MaxResults = 3;

    public async Task<IReadOnlyList<ColleagueMatch>> SearchAsync(CurrentUser actor, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var folded = CustomerSearchText.Fold(text);
        if (folded.Length == 0)
        {
            return [];
        }

        var all = await users.ListAsync(cancellationToken);
        return all.Where(u => u.IsActive && (CustomerSearchText.Fold(u.DisplayName).Contains(folded, StringComparison.Ordinal)
                                             || CustomerSearchText.Fold(u.Email).Contains(folded, StringComparison.Ordinal)))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.Id)
            .Take(MaxResults)
            .Select(u => new ColleagueMatch(u.Id, u.DisplayName, u.Email))
            .ToList();
    }
}

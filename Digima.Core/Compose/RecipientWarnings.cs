using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>A recipient as checked: where it sits, the address and its customer (null for a
/// colleague or a plain address, or when the customer was deleted meanwhile; the send refuses
/// that mail anyway).</summary>
public sealed record RecipientFacts(RecipientKind Kind, ComposeRecipient Recipient, Customer? Customer)
{
    public string Domain => RecipientWarnings.DomainOf(Recipient.Email);

    /// <summary>A colleague, or an address at the domain of a user's address: not an outside party,
    /// whatever domain a colleague's address has.</summary>
    public bool IsInternal(DomainHistory history) =>
        Recipient.Party == RecipientParty.Colleague || history.Internal.Contains(Domain);
}

/// <summary>The rules of 「送信の確認」 on the recipients, without I/O: grouping by company and the
/// warnings. Each rule stays quiet unless it is sure, so that a warning is read, not clicked away.</summary>
public static class RecipientWarnings
{
    public static string DomainOf(string email) => email[(email.LastIndexOf('@') + 1)..].Trim().ToLowerInvariant();

    /// <summary>Groups by company: the customer's 会社名, else the domain. A customer without 会社名
    /// joins the company of another recipient at the same domain, so one company is one group.</summary>
    public static IReadOnlyList<RecipientGroup> Group(IReadOnlyList<RecipientFacts> recipients, DomainHistory history)
    {
        var companyOfDomain = recipients.Where(r => CompanyOf(r) is not null)
            .GroupBy(r => r.Domain).ToDictionary(g => g.Key, g => CompanyOf(g.First())!);
        return recipients
            .GroupBy(r => CompanyOf(r) ?? companyOfDomain.GetValueOrDefault(r.Domain) ?? r.Domain)
            .Select(g => new RecipientGroup(g.Key, g.All(r => r.IsInternal(history)),
                g.Select(r => new CheckedRecipient(r.Kind, r.Recipient.Email, r.Recipient.DisplayName)).ToList()))
            .ToList();
    }

    public static IReadOnlyList<RecipientWarning> Check(
        IReadOnlyList<RecipientFacts> recipients, IReadOnlyList<RecipientGroup> groups, DomainHistory history, string mergedBody, RecipientCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<RecipientWarning>();
        var external = recipients.Where(r => !r.IsInternal(history)).ToList();

        // A rep who never sent anything would see every domain as new: the warning would be noise
        // on each mail of their first days and teach them to click it away.
        var newDomains = external.Where(r => !history.WrittenTo.Contains(r.Domain)).ToList();
        if (history.HasSentMail && newDomains.Count > 0)
        {
            warnings.Add(new(RecipientWarningKind.NewDomain, Addresses(newDomains), newDomains.Select(r => r.Domain).Distinct().ToList()));
        }

        var visible = external.Where(r => r.Kind != RecipientKind.Bcc).ToList();
        var companies = groups.Where(g => !g.IsInternal && g.Recipients.Any(r => r.Kind != RecipientKind.Bcc)).ToList();
        if (companies.Count > 1)
        {
            warnings.Add(new(RecipientWarningKind.SeveralCompanies, Addresses(visible), companies.Select(g => g.Name).ToList()));
        }

        if (!recipients.Any(r => r.Kind == RecipientKind.Bcc) && visible.Count > options.BccSuggestedAbove)
        {
            warnings.Add(new(RecipientWarningKind.BccSuggested, Addresses(visible), [options.BccSuggestedAbove.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (SalutationRule.Check(mergedBody, recipients) is { } salutation)
        {
            warnings.Add(salutation);
        }

        return warnings;
    }

    private static string? CompanyOf(RecipientFacts recipient) =>
        recipient.Customer?.Company.Trim() is { Length: > 0 } company ? company : null;

    private static List<string> Addresses(IEnumerable<RecipientFacts> recipients) =>
        recipients.Select(r => r.Recipient.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

using System.Text;

namespace Digima.Core.Customers;

/// <summary>Folds text so that what a Japanese rep types finds what is stored: full-width and
/// half-width forms are one (NFKC), hiragana matches katakana, case and spaces are ignored
/// ("さとう たろう" finds 佐藤 太郎's kana サトウタロウ, "佐藤太郎" finds "佐藤 太郎").</summary>
public static class CustomerSearchText
{
    /// <summary>Separates fields in the stored search text; a query never contains it, so a
    /// match never spans two fields, and "\n" + query finds a prefix of any field.</summary>
    public const char FieldSeparator = '\n';

    public static string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var normalized = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue;
            }

            // Hiragana U+3041..U+3096 sit exactly 0x60 below their katakana.
            builder.Append(c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The text stored with a customer and searched with LIKE: each searchable field
    /// folded, on its own line, starting with a separator so every field has one before it.</summary>
    public static string Build(Customer customer) =>
        string.Concat(
            new[]
            {
                customer.LastName + customer.FirstName,
                customer.FirstName,
                customer.LastNameKana + customer.FirstNameKana,
                customer.FirstNameKana,
                customer.Company,
                customer.Email,
            }.Select(f => FieldSeparator + Fold(f)));

    /// <summary>The readings stored with a customer (customers.search_reading), in the same form
    /// as <see cref="Build"/>: the romaji keys of the full kana and of the given-name kana, the
    /// folded 会社名カナ and its romaji key. The line order is a contract with the indexes of
    /// migration 1950-customer-readings.</summary>
    public static string BuildReading(Customer customer) =>
        string.Concat(
            new[]
            {
                RomajiKey.OfKana(customer.LastNameKana + customer.FirstNameKana),
                RomajiKey.OfKana(customer.FirstNameKana),
                Fold(customer.CompanyKana),
                RomajiKey.OfKana(customer.CompanyKana),
            }.Select(f => FieldSeparator + f));
}

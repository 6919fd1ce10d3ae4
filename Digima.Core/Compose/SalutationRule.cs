using System.Text.RegularExpressions;
using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>Whether the salutation names the first 宛先 (the customer the merge fields are filled
/// from), the classic mistake being a mail copied from another customer's and left at 「鈴木様」.
/// <para>The salutation is the body's first non-blank line, as merged for the first 宛先, when it
/// addresses someone: 様, さま, 殿 or さん ending the line or followed by punctuation or a space
/// (「様々」 or 「さんから」 are not salutations). Without such a line there is nothing to check.
/// With one, the rule warns only when it is sure:</para>
/// <list type="number">
/// <item>the line holds the first 宛先's 姓 (or セイ): right, whatever else it holds (「山田様、佐藤様」);</item>
/// <item>it holds another recipient's 姓: wrong, that name is shown;</item>
/// <item>otherwise the word before the honorific is the name typed: a generic addressee
/// (「ご担当者様」「各位」「皆様」) or the first 宛先's 名, セイ or 会社名 is right; anything else is
/// a name that is not the first 宛先's, and is shown.</item>
/// </list>
/// A first 宛先 without 姓 is not checked: there is nothing to compare with.</summary>
public static partial class SalutationRule
{
    private const int LongestSalutation = 60;

    private static readonly string[] Generic = ["担当", "各位", "皆", "みな", "関係者", "お客", "御中", "貴社", "各社"];

    public static RecipientWarning? Check(string mergedBody, IReadOnlyList<RecipientFacts> recipients)
    {
        ArgumentNullException.ThrowIfNull(mergedBody);
        var first = recipients.FirstOrDefault(r => r.Kind == RecipientKind.To)?.Customer;
        var line = mergedBody.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        if (first is null || Compact(first.LastName).Length == 0 || line.Length > LongestSalutation || Honorific().Match(line) is not { Success: true } honorific)
        {
            return null;
        }

        var compact = Compact(line);
        if (Names(compact, first.LastName) || Names(compact, first.LastNameKana))
        {
            return null;
        }

        var other = recipients.Select(r => r.Customer).OfType<Customer>()
            .FirstOrDefault(c => Compact(c.LastName) != Compact(first.LastName) && Names(compact, c.LastName));
        if (other is not null)
        {
            return Mismatch(other.LastName, other.Email, first);
        }

        var typed = Separators().Split(line[..honorific.Index].Trim()).Last();
        return typed.Length == 0 || Generic.Any(typed.Contains) || IsOfFirst(typed, first) ? null : Mismatch(typed, first.Email, first);
    }

    private static RecipientWarning Mismatch(string written, string email, Customer first) =>
        new(RecipientWarningKind.SalutationMismatch, [email], [written, first.FullName]);

    private static bool IsOfFirst(string typed, Customer first) =>
        new[] { first.FirstName, first.FirstNameKana, first.Company }.Select(Compact)
            .Any(known => known.Length > 0 && (known.Contains(typed, StringComparison.OrdinalIgnoreCase) || typed.Contains(known, StringComparison.OrdinalIgnoreCase)));

    private static bool Names(string compactLine, string name) =>
        Compact(name) is { Length: > 0 } compactName && compactLine.Contains(compactName, StringComparison.OrdinalIgnoreCase);

    private static string Compact(string text) => Separators().Replace(text, "");

    [GeneratedRegex(@"(様|さま|殿|さん)(?=$|[\s\u3000、。,，.!！:：）)])")]
    private static partial Regex Honorific();

    [GeneratedRegex(@"[\s\u3000、。,，]+")]
    private static partial Regex Separators();
}

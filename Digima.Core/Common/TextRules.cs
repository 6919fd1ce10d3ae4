using System.Text.RegularExpressions;

namespace Digima.Core.Common;

/// <summary>Rules for text that may end up in a mail header or a CSV cell.</summary>
public static partial class TextRules
{
    /// <summary>True when the text holds a line break or another control character. Such text
    /// must never reach a mail header (header injection), so single-line fields refuse it.</summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => char.IsControl(c));

    /// <summary>A practical address check: one @, a dotted domain, no spaces or control characters.
    /// MailboxAddress parsing in the mail layer is stricter; this is for instant form feedback.</summary>
    public static bool IsEmailAddress(string? value) =>
        value is not null && value.Length <= 254 && EmailPattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}

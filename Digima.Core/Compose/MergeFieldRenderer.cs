using System.Text;
using System.Text.RegularExpressions;
using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>Fills merge-field tokens with the primary recipient's values. Never sends a raw
/// token: an unknown token or an empty value is reported, and the caller refuses to send (R8).</summary>
public static partial class MergeFieldRenderer
{
    /// <param name="markEmpty">For the preview: show an empty field as 「［会社名］」 so the rep sees
    /// where it is used. The mail itself is never sent with an empty field.</param>
    public static MergeResult Render(string template, Customer recipient, string senderName, bool markEmpty = false)
    {
        var empty = new List<string>();
        var unknown = new List<string>();
        var text = TokenPattern().Replace(template, match =>
        {
            var name = match.Groups["name"].Value.Trim();
            if (MergeFields.Find(name) is not { } field)
            {
                unknown.Add(match.Value);
                return match.Value;
            }

            var value = field.Value(recipient, senderName);
            if (string.IsNullOrWhiteSpace(value))
            {
                empty.Add(name);
                return markEmpty ? $"［{name}］" : "";
            }

            return value;
        });
        return new MergeResult(text, empty.Distinct().ToList(), unknown.Distinct().ToList());
    }

    /// <summary>The field names used in the text, known or not, in order of appearance.</summary>
    public static IReadOnlyList<string> UsedFields(string template) =>
        TokenPattern().Matches(template).Select(m => m.Groups["name"].Value.Trim()).Distinct().ToList();

    public static bool HasTokens(string template) => TokenPattern().IsMatch(template);

    /// <summary>The tokens naming no field, as typed, for texts checked before any recipient is
    /// known (a signature); they get the same message as at send time.</summary>
    public static IReadOnlyList<string> UnknownTokens(string template) =>
        TokenPattern().Matches(template).Where(m => MergeFields.Find(m.Groups["name"].Value.Trim()) is null).Select(m => m.Value).Distinct().ToList();

    // Half-width or full-width braces: an IME often produces ｛｛姓｝｝.
    [GeneratedRegex(@"(?:\{\{|｛｛)(?<name>[^{}｛｝\r\n]{1,30})(?:\}\}|｝｝)")]
    private static partial Regex TokenPattern();
}

public sealed record MergeResult(string Text, IReadOnlyList<string> EmptyFields, IReadOnlyList<string> UnknownTokens)
{
    public bool IsComplete => EmptyFields.Count == 0 && UnknownTokens.Count == 0;
}

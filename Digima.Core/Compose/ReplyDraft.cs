using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Digima.Core.Compose;

/// <summary>How a reply starts (R16): one "Re: " however many the mail already had, the original
/// quoted under a Japanese attribution line, and the headers that keep the thread.</summary>
public static partial class ReplyDraft
{
    public static string Subject(string original) => "Re: " + StripReplyPrefixes(original);

    /// <summary>Removes leading Re:/RE:/Fwd:/FW:/返信:/転送: (half- or full-width colon), 【返信】/【転送】
    /// and ticket tags such as [#123], so "Re: 【返信】Re: 【見積】" becomes "【見積】".</summary>
    public static string StripReplyPrefixes(string subject)
    {
        var s = subject.Trim();
        string previous;
        do
        {
            previous = s;
            s = PrefixPattern().Replace(s, "").Trim();
        }
        while (s != previous);
        return s;
    }

    /// <param name="sentAtLocal">The original's date in the replying user's zone.</param>
    public static string QuotedBody(string originalText, string senderName, string senderAddress, DateTimeOffset sentAtLocal)
    {
        var culture = CultureInfo.GetCultureInfo("ja-JP");
        var who = senderName.Length > 0 ? $"{senderName} <{senderAddress}>" : senderAddress;
        var quoted = new StringBuilder()
            .Append("\n\n")
            .Append(sentAtLocal.ToString("yyyy年M月d日(ddd) HH:mm", culture))
            .Append('、').Append(who).Append(" さんは書きました：\n");
        foreach (var line in originalText.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n'))
        {
            quoted.Append("> ").Append(line).Append('\n');
        }

        return quoted.ToString();
    }

    /// <summary>References of the reply: the original's chain, then the original itself (RFC 5322).</summary>
    public static IReadOnlyList<string> References(IEnumerable<string> originalReferences, string originalMessageId) =>
        originalReferences.Append(originalMessageId).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).TakeLast(20).ToList();

    // 【返信】 and 【転送】 are what several Japanese mail clients and ticket tools put in front.
    [GeneratedRegex(@"^(?:(?:re|fwd?|fw)\s*(?:\[\d+\])?\s*[:：]|返信\s*[:：]|転送\s*[:：]|【\s*(?:返信|転送|re|fwd?|fw)\s*】|\[#?\d+\])\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PrefixPattern();
}

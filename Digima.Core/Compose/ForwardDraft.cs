using System.Globalization;
using System.Text;

namespace Digima.Core.Compose;

/// <summary>How 「転送」 starts (E5): one "Fwd: " however many Re:/Fwd:/転送: the mail had (the same
/// prefixes <see cref="ReplyDraft.StripReplyPrefixes"/> knows), and the original under a header block
/// naming 差出人, 日時, 件名 and 宛先 as Japanese mail clients write it.</summary>
public static class ForwardDraft
{
    public const string Divider = "---------- 転送メッセージ ----------";

    public static string Subject(string original) => "Fwd: " + ReplyDraft.StripReplyPrefixes(original);

    /// <param name="from">The original's sender, formatted (<see cref="AddressText.Of"/>).</param>
    /// <param name="sentAtLocal">The original's date in the forwarding user's zone.</param>
    /// <param name="to">The original's 宛先, formatted.</param>
    /// <param name="cc">The original's Cc, formatted; the line is left out when empty.</param>
    public static string QuotedBody(string originalText, string from, DateTimeOffset sentAtLocal, string subject, IReadOnlyList<string> to, IReadOnlyList<string> cc)
    {
        ArgumentNullException.ThrowIfNull(originalText);
        var culture = CultureInfo.GetCultureInfo("ja-JP");
        var block = new StringBuilder()
            .Append("\n\n")
            .Append(Divider).Append('\n')
            .Append("差出人: ").Append(from).Append('\n')
            .Append("日時: ").Append(sentAtLocal.ToString("yyyy年M月d日(ddd) HH:mm", culture)).Append('\n')
            .Append("件名: ").Append(subject).Append('\n')
            .Append("宛先: ").Append(string.Join(", ", to)).Append('\n');
        if (cc.Count > 0)
        {
            block.Append("Cc: ").Append(string.Join(", ", cc)).Append('\n');
        }

        // Forwarded as written, without "> ": the reader reads the original, not an answer to it.
        return block.Append('\n').Append(originalText.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd()).Append('\n').ToString();
    }
}

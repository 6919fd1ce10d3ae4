using System.Text;
using Digima.Core.Compose;

namespace Digima.Core.Timeline.Threads;

/// <summary>The subject as threading compares it (R17): width-folded (NFKC, so ： is :), without
/// Re:/RE:/Fwd:/FW:/返信:/転送: prefixes or tags such as [#123], without any white space
/// (full-width too), case-insensitive. A reply whose key differs from its parent's starts a new
/// thread, as the vendor manual describes.</summary>
public static class SubjectKey
{
    public static string Of(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return "";
        }

        var folded = ReplyDraft.StripReplyPrefixes(subject.Normalize(NormalizationForm.FormKC));
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded.Where(c => !char.IsWhiteSpace(c)))
        {
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }
}

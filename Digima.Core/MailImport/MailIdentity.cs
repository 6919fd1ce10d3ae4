using System.Security.Cryptography;
using System.Text;

namespace Digima.Core.MailImport;

/// <summary>Identity and threading rules of imported mail.</summary>
public static class MailIdentity
{
    /// <summary>The Message-ID without angle brackets or spaces; for a message without one, a
    /// "hash:" identity of its headers, so the same message found twice (another folder, a new
    /// UIDVALIDITY) is still recognised. Server-side facts (UID, arrival time) are left out on
    /// purpose: they differ between copies.</summary>
    public static string Of(MailSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (Normalize(summary.MessageId) is { } id)
        {
            return id;
        }

        var text = new StringBuilder()
            .Append(summary.Subject).Append('\n')
            .Append(summary.Date?.ToUnixTimeSeconds()).Append('\n')
            .AppendJoin(',', summary.From.Select(p => p.Address.ToLowerInvariant())).Append('\n')
            .AppendJoin(',', summary.To.Select(p => p.Address.ToLowerInvariant())).Append('\n')
            .AppendJoin(',', summary.Cc.Select(p => p.Address.ToLowerInvariant()));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "hash:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A Message-ID as stored (no brackets, no surrounding space); null when empty.</summary>
    public static string? Normalize(string? messageId)
    {
        var id = messageId?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    /// <summary>The conversation a mail belongs to: the first Message-ID of References (the
    /// thread's root), else In-Reply-To, else the mail itself.</summary>
    public static string ThreadKey(string identity, string? inReplyTo, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        return references.Select(Normalize).FirstOrDefault(r => r is not null)
            ?? Normalize(inReplyTo)
            ?? identity;
    }
}

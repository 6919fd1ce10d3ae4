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

    /// <summary>The identity of a mail found in a folder of <paramref name="kind"/>: as
    /// <see cref="Of(MailSummary)"/>, except a copy of the app's own mail whose Message-ID a relay
    /// rewrote, which is the mail the app sent (<see cref="RewrittenByRelay"/>).</summary>
    public static string Of(MailSummary summary, MailFolderKind kind) =>
        RewrittenByRelay(summary, kind)?.MessageId ?? Of(summary);

    /// <summary>The relay's Message-ID of a copy of our own mail and the one the app gave it, when
    /// they differ. Believed only of a copy in the rep's Sent folder: anyone can put our header in
    /// a mail to the rep's Inbox, and such a mail must not pass for one the rep sent.</summary>
    public static MessageIdAlias? RewrittenByRelay(MailSummary summary, MailFolderKind kind)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return kind == MailFolderKind.Sent
            && Normalize(summary.OurMessageId) is { } ours
            && Normalize(summary.MessageId) is { } theirs
            && theirs != ours
            ? new MessageIdAlias(theirs, ours)
            : null;
    }

    /// <summary>What tells two mails with one Message-ID apart: the Date header, sender and
    /// body. The same message found again (another folder, a new UIDVALIDITY) has the same hash;
    /// the server's arrival time is left out, as for <see cref="Of"/>, because copies differ in it.</summary>
    public static string ContentHash(DateTimeOffset? dateHeader, string fromAddress, string bodyText, string? bodyHtml)
    {
        ArgumentNullException.ThrowIfNull(fromAddress);
        var text = new StringBuilder()
            .Append(dateHeader?.ToUnixTimeSeconds()).Append('\n')
            .Append(fromAddress.ToLowerInvariant()).Append('\n')
            .Append(bodyText).Append('\n')
            .Append(bodyHtml);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    /// <summary>The identity of a mail that reuses a Message-ID already stored with other content.</summary>
    public static string Reused(string identity, string contentHash) => identity + "#" + contentHash;

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

/// <summary>A Message-ID a relay gave a mail (<paramref name="Alias"/>) and the one the mail is
/// known by (<paramref name="MessageId"/>): a reply naming the alias joins the mail's thread.</summary>
public sealed record MessageIdAlias(string Alias, string MessageId);

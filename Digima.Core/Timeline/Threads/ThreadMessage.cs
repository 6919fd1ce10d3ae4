namespace Digima.Core.Timeline.Threads;

/// <summary>What threading knows of one mail: its Message-ID, the Message-IDs it names as its
/// ancestors (References in order, then In-Reply-To when it is not already last), its subject and
/// date. All Message-IDs without angle brackets.</summary>
public sealed record ThreadMessage(string MessageId, IReadOnlyList<string> Ancestors, string Subject, DateTimeOffset Date)
{
    /// <summary>Outlook's conversation index (<see cref="Threads.ThreadIndex"/>), when the mail has one.</summary>
    public byte[]? ThreadIndex { get; init; }

    /// <summary>The ancestors a mail names: References, then In-Reply-To when References does not
    /// end with it (a client that sends only In-Reply-To still threads).</summary>
    public static IReadOnlyList<string> AncestorsOf(IEnumerable<string> references, string? inReplyTo)
    {
        ArgumentNullException.ThrowIfNull(references);
        var list = references.Select(Clean).OfType<string>().ToList();
        if (Clean(inReplyTo) is { } parent && (list.Count == 0 || list[^1] != parent))
        {
            list.Remove(parent);
            list.Add(parent);
        }

        return list;
    }

    private static string? Clean(string? id)
    {
        var trimmed = id?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}

namespace Digima.Core.Mailboxes;

/// <summary>Chooses the Sent folder of a server that does not mark it with SPECIAL-USE \Sent.</summary>
public static class SentFolderNames
{
    /// <summary>Names used by common servers and clients, in order of preference.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "Sent", "Sent Items", "Sent Messages", "Sent Mail", "送信済み", "送信済みアイテム", "送信済みメール", "送信済みトレイ",
    ];

    /// <summary>The full name of the folder marked \Sent, else of the first folder whose own name
    /// (the last path segment, as in "INBOX.Sent") is a common one; null when none fits.</summary>
    public static string? Choose(IEnumerable<SentFolderCandidate> folders)
    {
        var list = folders.ToList();
        if (list.FirstOrDefault(f => f.MarkedSent) is { } marked)
        {
            return marked.FullName;
        }

        foreach (var name in Common)
        {
            if (list.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) is { } match)
            {
                return match.FullName;
            }
        }

        return null;
    }
}

/// <param name="FullName">The path to open the folder with.</param>
/// <param name="Name">The last segment of the path.</param>
/// <param name="MarkedSent">The server lists it with the \Sent attribute.</param>
public sealed record SentFolderCandidate(string FullName, string Name, bool MarkedSent);

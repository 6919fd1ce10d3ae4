namespace Digima.Core.Compose;

/// <summary>Who 「全員に返信」 writes to, without I/O: everyone in the original's 宛先 and Cc who is not
/// already in the reply's 宛先, minus the rep's own addresses, each once. Bcc is never read: a Bcc
/// recipient was hidden from the others and stays so.</summary>
public static class ReplyAllRecipients
{
    /// <param name="to">The reply's 宛先 (as 「返信」 makes it).</param>
    /// <param name="others">Everyone else of the original, in its order: the sender when not in
    /// <paramref name="to"/>, then 宛先, then Cc.</param>
    /// <param name="ownAddresses">The replying rep's addresses: sign-in and mailbox.</param>
    public static List<ComposeRecipient> Cc(IReadOnlyList<ComposeRecipient> to, IEnumerable<ComposeRecipient> others, IEnumerable<string> ownAddresses)
    {
        var own = new HashSet<string>(ownAddresses.Where(a => a.Length > 0).Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
        var cc = new List<ComposeRecipient>();
        foreach (var candidate in others)
        {
            if (!own.Contains(candidate.Email.Trim()) && !to.Any(candidate.SameAs) && !cc.Any(candidate.SameAs))
            {
                cc.Add(candidate);
            }
        }

        return cc;
    }
}

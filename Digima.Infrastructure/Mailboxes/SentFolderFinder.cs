using Digima.Core.Mailboxes;
using MailKit;
using MailKit.Net.Imap;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>Finds the Sent folder of an authenticated IMAP connection: the folder marked
/// SPECIAL-USE \Sent (or XLIST), else one with a common name (see <see cref="SentFolderNames"/>).</summary>
internal static class SentFolderFinder
{
    /// <returns>The folder, or null when the server has none that fits.</returns>
    /// <exception cref="OperationCanceledException">Cancelled or timed out.</exception>
    /// <exception cref="IOException">The connection broke.</exception>
    /// <exception cref="ImapCommandException">The server refused LIST.</exception>
    /// <exception cref="ImapProtocolException">The server answered something unreadable.</exception>
    public static async Task<IMailFolder?> FindAsync(ImapClient client, CancellationToken cancellationToken)
    {
        if ((client.Capabilities & (ImapCapabilities.SpecialUse | ImapCapabilities.XList)) != 0
            && client.GetFolder(SpecialFolder.Sent) is { } marked)
        {
            return marked;
        }

        var folders = new List<IMailFolder>();
        foreach (var personal in client.PersonalNamespaces)
        {
            folders.AddRange(await client.GetFoldersAsync(personal, subscribedOnly: false, cancellationToken));
        }

        var chosen = SentFolderNames.Choose(folders.Select(f =>
            new SentFolderCandidate(f.FullName, f.Name, f.Attributes.HasFlag(FolderAttributes.Sent))));
        return chosen is null ? null : folders.First(f => f.FullName == chosen);
    }
}

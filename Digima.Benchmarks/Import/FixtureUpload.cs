using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Digima.Benchmarks.Import;

/// <summary>Puts the fixtures into the rep's INBOX and Sent with MULTIAPPEND, ~500 a command
/// (one by one would take four times as long), keeping each message's date as INTERNALDATE so
/// the first-sync window (SEARCH SINCE) sees them where they belong.</summary>
internal static class FixtureUpload
{
    private const int Batch = 500;

    public static async Task<(int Inbox, int Sent)> AppendAsync(string user, IEnumerable<Fixture> fixtures)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, BenchEnvironment.Password);
        var sentFolder = client.GetFolder(SpecialFolder.Sent) ?? await client.GetFolderAsync("Sent");
        var pending = new Dictionary<IMailFolder, List<IAppendRequest>> { [client.Inbox] = [], [sentFolder] = [] };
        int inbox = 0, sent = 0;
        foreach (var fixture in fixtures)
        {
            var folder = fixture.Sent ? sentFolder : client.Inbox;
            pending[folder].Add(new AppendRequest(fixture.Message, MessageFlags.Seen, fixture.Date));
            _ = fixture.Sent ? sent++ : inbox++;
            if (pending[folder].Count == Batch)
            {
                await folder.AppendAsync(pending[folder]);
                pending[folder].Clear();
            }
        }

        foreach (var (folder, requests) in pending.Where(p => p.Value.Count > 0))
        {
            await folder.AppendAsync(requests);
        }

        await client.DisconnectAsync(true);
        return (inbox, sent);
    }
}

using Digima.Core.MailImport;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Import;

internal static partial class ImportBenchmark
{
    /// <summary>The same messages imported from two folders, then from four (every other message
    /// of INBOX moved to Archive, of Sent to Projects, all four chosen): what a folder more costs
    /// per message (a SELECT, a SEARCH, a cursor and smaller first batches). The rounds alternate
    /// nothing here: moving the mail between layouts is the part that cannot be repeated cheaply,
    /// so each layout runs its rounds in a row on a warm process.</summary>
    private static async Task<ImportReport.FolderSpread> CompareFolderSpreadAsync(IServiceProvider provider, NpgsqlDataSource db, long userId, int rounds)
    {
        var choice = provider.GetRequiredService<IMailImportFolderRepository>();
        await choice.SaveAsync(userId, [], DateTimeOffset.UtcNow, CancellationToken.None);
        var two = new List<ImportReport.FirstImport>();
        for (var i = 0; i < rounds; i++)
        {
            two.Add(await ImportOnceAsync(provider, db, userId, null, BenchAuth.Password));
        }

        var moved = await SpreadAsync();
        Log($"moved {moved:N0} messages to Archive and Projects");
        await choice.SaveAsync(userId, [ImportFolder.Inbox, ImportFolder.Sent, ImportFolder.Named("Archive"), ImportFolder.Named("Projects")], DateTimeOffset.UtcNow, CancellationToken.None);
        var four = new List<ImportReport.FirstImport>();
        for (var i = 0; i < rounds; i++)
        {
            four.Add(await ImportOnceAsync(provider, db, userId, null, BenchAuth.Password));
        }

        await choice.SaveAsync(userId, [], DateTimeOffset.UtcNow, CancellationToken.None);
        return new ImportReport.FolderSpread(two, four);
    }

    /// <summary>Moves every other message of INBOX to Archive and of Sent to Projects (UID MOVE).</summary>
    private static async Task<int> SpreadAsync()
    {
        using var client = new ImapClient();
        await client.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(Rep, BenchEnvironment.Password);
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var moved = 0;
        foreach (var (from, to) in new[] { (client.Inbox, "Archive"), (await client.GetFolderAsync("Sent"), "Projects") })
        {
            var target = (await root.GetSubfoldersAsync()).FirstOrDefault(f => f.Name == to) ?? await root.CreateAsync(to, true) ?? throw new InvalidOperationException($"{to} was not created");
            await from.OpenAsync(FolderAccess.ReadWrite);
            var uids = (await from.SearchAsync(MailKit.Search.SearchQuery.All)).Where((_, i) => i % 2 == 1).ToList();
            await from.MoveToAsync(uids, target);
            moved += uids.Count;
        }

        await client.DisconnectAsync(true);
        return moved;
    }
}

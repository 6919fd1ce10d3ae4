using Digima.Core.MailImport;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>A sync with several batches reads summaries on one connection and bodies on a second
/// at the same time; what it stores is the same as reading one batch after the other.</summary>
public sealed class PipelinedSyncTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("pipelined");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_SeveralBatches_BodiesOnSecondConnectionAllStoredOnceInOrder()
    {
        var customer = await _s.AddCustomerAsync("並行");
        var mails = Enumerable.Range(1, 23)
            .Select(i => RawMail.Create(i % 4 == 0 ? "friend@private.test" : customer.Email, _s.Rep.Email, $"m{i}").Text("UTF-8", $"本文{i}"))
            .ToArray();
        await _s.AppendAsync("INBOX", mails);
        await using var import = new RelayedImport(_s, batchSize: 5);

        var result = await import.SyncAsync();
        var connections = import.Relay.Connections;
        var again = await import.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Synced, result.Outcome);
        Assert.Equal(2, connections);
        var expected = Enumerable.Range(1, 23).Where(i => i % 4 != 0).ToList();
        // Two batches may be stored at once, so rows are not always inserted in UID order.
        Assert.Equal(expected.Select(i => $"m{i}"), (await _s.StoredAsync()).OrderBy(m => m.Uid).Select(m => m.Subject));
        Assert.Equal(expected.Select(i => $"本文{i}"), (await _s.StoredAsync()).OrderBy(m => m.Uid).Select(m => m.BodyText.Trim()));
        Assert.Equal(23, result.Folders.Single(f => f.Kind == MailFolderKind.Inbox).Seen);
        // One of the two is kept; the unchanged sync after it needs no new login.
        Assert.Equal(1, import.Pool.Count);
        Assert.All(again.Folders, f => Assert.True(f.Unchanged));
        Assert.Equal(2, import.Relay.Connections);
    }
}

using Digima.Core.MailImport;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>The logged-in connection kept between syncs (the import's session pool): a kept connection sees
/// mail that arrived since, one the server dropped is replaced, and one left idle is logged out.</summary>
public sealed class KeptSessionTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("kept");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_OnKeptConnection_ImportsMailThatArrivedSince()
    {
        var customer = await _s.AddCustomerAsync("継続");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "first").Text("UTF-8", "本文"));
        await using var import = new RelayedImport(_s);
        await import.SyncAsync();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "second").Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "reply").Text("UTF-8", "返信"));

        var again = await import.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Synced, again.Outcome);
        Assert.Equal(2, again.Imported);
        Assert.Equal(1, import.Relay.Connections);
        Assert.Equal(["first", "second", "reply"], (await _s.StoredAsync()).Select(m => m.Subject));
    }

    [Fact]
    public async Task Sync_KeptConnectionDroppedMeanwhile_LogsInAgainAndImports()
    {
        var customer = await _s.AddCustomerAsync("再接続");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "first").Text("UTF-8", "本文"));
        await using var import = new RelayedImport(_s);
        await import.SyncAsync();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "second").Text("UTF-8", "本文"));
        import.Relay.CutAll();

        var again = await import.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Synced, again.Outcome);
        Assert.Equal(1, again.Imported);
        Assert.Equal(2, import.Relay.Connections);
        Assert.Equal(["first", "second"], (await _s.StoredAsync()).Select(m => m.Subject));
        Assert.Equal(1, import.Pool.Count);
    }

    [Fact]
    public async Task Sync_ConnectionIdleLongerThanTimeout_LoggedOutAndNextSyncLogsIn()
    {
        await using var import = new RelayedImport(_s);
        await import.SyncAsync();
        Assert.Equal(1, import.Pool.Count);

        _s.Services.Clock.Advance(import.Options.SessionIdleTimeout + TimeSpan.FromMinutes(1));
        var again = await import.SyncAsync();

        Assert.Equal(MailboxSyncOutcome.Synced, again.Outcome);
        Assert.Equal(2, import.Relay.Connections);
        // The idle one was logged out in the background, not left open.
        for (var i = 0; i < 50 && !import.Relay.Commands.Contains("LOGOUT"); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("LOGOUT", import.Relay.Commands);
    }
}

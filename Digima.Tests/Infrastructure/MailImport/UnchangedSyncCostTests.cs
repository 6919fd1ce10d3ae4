using Digima.Core.MailImport;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>An unchanged mailbox costs a couple of IMAP commands: no login at all on the
/// connection kept from the last sync, and at most three commands after login on a new one.</summary>
public sealed class UnchangedSyncCostTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("cost");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_UnchangedMailboxOnKeptConnection_AtMostThreeCommandsAndNoLogin()
    {
        var customer = await _s.AddCustomerAsync("費用");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "once").Text("UTF-8", "本文"));
        await using var import = new RelayedImport(_s);
        await import.SyncAsync();
        import.Relay.ClearCommands();

        var result = await import.SyncAsync();

        Assert.All(result.Folders, f => Assert.True(f.Unchanged));
        var commands = import.Relay.Commands;
        Assert.True(commands.Count <= 3, string.Join(" | ", commands));
        Assert.DoesNotContain(commands, c => c.StartsWith("LOGIN", StringComparison.OrdinalIgnoreCase) || c.StartsWith("AUTHENTICATE", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, import.Relay.Connections);
    }

    [Fact]
    public async Task Sync_UnchangedMailboxOnNewConnection_EngineSendsAtMostThreeCommandsAfterMailKitsLogin()
    {
        var customer = await _s.AddCustomerAsync("費用");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "once").Text("UTF-8", "本文"));
        await _s.SyncAsync();
        await using var import = new RelayedImport(_s);

        var result = await import.SyncAsync();

        Assert.All(result.Folders, f => Assert.True(f.Unchanged));
        // MailKit's own NAMESPACE and LISTs come with its login; from the first EXAMINE on, the engine's.
        var commands = import.Relay.Commands;
        var engine = commands.SkipWhile(c => !c.StartsWith("EXAMINE", StringComparison.Ordinal)).ToList();
        Assert.True(engine.Count is > 0 and <= 3, string.Join(" | ", commands));
    }
}

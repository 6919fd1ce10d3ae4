using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailConnections;
using Digima.Infrastructure.MailImport;
using Digima.Infrastructure.Sending;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>The app's sync, session pool and all, with its IMAP connections going through an
/// <see cref="ImapRelay"/> that counts commands and can cut connections.</summary>
internal sealed class RelayedImport : IAsyncDisposable
{
    private readonly ImportScenario _s;

    public RelayedImport(ImportScenario scenario, int batchSize = 200)
    {
        _s = scenario;
        Options = new MailImportOptions { BatchSize = batchSize };
        Pool = new MailSessionPool<ImapClient>(
            (login, cancellationToken) => scenario.Services.Get<MailKitConnect>().ImapAsync(login with { Port = Relay.Port }, cancellationToken),
            ImapImportServer.KeptSessions(Options), scenario.Services.Clock, NullLogger<MailSessionPool<ImapClient>>.Instance);
        var server = new ImapImportServer(scenario.Services.Get<TransportErrors>(), scenario.Services.Get<MimeContentReader>(), Pool);
        Command = new SyncMailboxCommand(
            scenario.Services.Get<IMailboxConnections>(), scenario.Services.Get<MailImportFolders>(), server, scenario.Services.Get<IImportedMailRepository>(), scenario.Services.Get<Digima.Core.MailImport.Privacy.IMailPrivacyRepository>(),
            scenario.Services.Get<IMailboxSyncLock>(), Options, scenario.Services.Get<Digima.Core.LiveUpdates.ILiveEvents>(),
            scenario.Services.Get<Digima.Core.Awaiting.Notices.NotifyCustomerRepliesCommand>(), scenario.Services.Clock,
            scenario.Services.Get<Microsoft.Extensions.Localization.IStringLocalizer<Digima.Core.Resources.CoreMessages>>(), NullLogger<SyncMailboxCommand>.Instance);
    }

    public ImapRelay Relay { get; } = new();

    public MailImportOptions Options { get; }

    public MailSessionPool<ImapClient> Pool { get; }

    public SyncMailboxCommand Command { get; }

    public Task<MailboxSyncResult> SyncAsync() => Command.SyncAsync(_s.Rep.Id, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        await Relay.DisposeAsync();
    }
}

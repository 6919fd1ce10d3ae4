using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailImport;
using Digima.Infrastructure.Sending;
using Digima.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>An unchanged mailbox costs a couple of IMAP commands after login.</summary>
public sealed class UnchangedSyncCostTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("cost");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_UnchangedMailbox_AtMostThreeCommandsAfterLogin()
    {
        var customer = await _s.AddCustomerAsync("費用");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "once").Text("UTF-8", "本文"));
        await _s.SyncAsync();
        var server = new CountingServer(_s.Services.Get<TransportErrors>(), _s.Services.Get<MimeContentReader>());
        var sync = new SyncMailboxCommand(
            _s.Services.Get<IMailboxConnections>(), server, _s.Services.Get<IImportedMailRepository>(), _s.Services.Get<IMailboxSyncLock>(),
            new MailImportOptions(), _s.Services.Get<Digima.Core.LiveUpdates.ILiveEvents>(), _s.Services.Clock, NullLogger<SyncMailboxCommand>.Instance);

        var result = await sync.SyncAsync(_s.Rep.Id, CancellationToken.None);

        Assert.All(result.Folders, f => Assert.True(f.Unchanged));
        Assert.True(server.Log.Commands.Count <= 3, string.Join(" | ", server.Log.Commands));
    }

    /// <summary>The real session over a client whose commands after login are counted.</summary>
    private sealed class CountingServer(TransportErrors errors, MimeContentReader reader) : IMailImportServer
    {
        public CommandLog Log { get; } = new();

        public async Task<IMailImportSession> ConnectAsync(MailboxConnection mailbox, CancellationToken cancellationToken)
        {
            var client = new ImapClient(Log);
            await client.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort, SecureSocketOptions.None, cancellationToken);
            await client.AuthenticateAsync(mailbox.Imap.UserName, mailbox.Imap.Password, cancellationToken);
            Log.Counting = true;
            return new ImapImportSession(client, mailbox, errors, reader);
        }
    }

    private sealed class CommandLog : IProtocolLogger
    {
        public bool Counting { get; set; }
        public List<string> Commands { get; } = [];
        public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

        public void LogConnect(Uri uri)
        {
        }

        public void LogClient(byte[] buffer, int offset, int count)
        {
            if (Counting)
            {
                Commands.Add(System.Text.Encoding.ASCII.GetString(buffer, offset, count).Trim());
            }
        }

        public void LogServer(byte[] buffer, int offset, int count)
        {
        }

        public void Dispose()
        {
        }
    }
}

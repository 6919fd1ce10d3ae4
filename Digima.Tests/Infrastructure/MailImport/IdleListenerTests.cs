using System.Diagnostics;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailImport;
using Digima.Infrastructure.MailConnections;
using Digima.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>A customer's reply travels through the local Postfix into the rep's Inbox and the
/// IDLE listener imports it within seconds (R18, R28).</summary>
public sealed class IdleListenerTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("idle");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Idle_CustomerReplyDeliveredBySmtp_ImportedWithinSeconds()
    {
        var customer = await _s.AddCustomerAsync("即時");
        var options = new MailImportOptions { ReconnectMinDelay = TimeSpan.FromMilliseconds(200) };
        var scopes = _s.Services.Provider.GetRequiredService<IServiceScopeFactory>();
        var watcher = new MailboxIdleWatcher(scopes, options, NullLogger<MailboxIdleWatcher>.Instance);
        var listener = new MailImportIdleListener(watcher, _s.Services.Get<ConnectedMailboxList>(), options, NullLogger<MailImportIdleListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(1500); // the first catch-up sync, then IDLE
            var reply = new MimeMessage();
            reply.From.Add(new MailboxAddress("即時 様", customer.Email));
            reply.To.Add(MailboxAddress.Parse(_s.Rep.Email));
            reply.Subject = "Re: ご提案の件";
            reply.MessageId = RawMail.NewId();
            reply.Body = new TextPart("plain") { Text = "承知しました。" };
            var clock = Stopwatch.StartNew();
            using (var smtp = await _s.Services.Get<MailKitConnect>().SmtpAsync(
                new MailServerLogin(TestEnvironment.MailHost, TestEnvironment.SmtpPort, MailSecurity.None, customer.Email, TestEnvironment.MailPassword), CancellationToken.None))
            {
                await smtp.SendAsync(reply);
                await smtp.DisconnectAsync(true);
            }

            var imported = await WaitForAsync(reply.MessageId!, TimeSpan.FromSeconds(10));

            Assert.NotNull(imported);
            Assert.Equal("Re: ご提案の件", imported.Subject);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.Equal("メール受信", (await _s.CustomerAsync(customer.Id))!.LastActionType);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    private async Task<ImportedMail?> WaitForAsync(string messageId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await _s.StoredAsync()).FirstOrDefault(m => m.MessageId == messageId) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }
}

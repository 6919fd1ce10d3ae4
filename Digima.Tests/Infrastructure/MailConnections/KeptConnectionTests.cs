using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.MailConnections;

/// <summary>SMTP and IMAP sessions kept open per mailbox between sends, against the real Postfix and
/// Dovecot behind a relay that can end the sessions from the server's side.</summary>
public sealed class KeptConnectionTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private ClosingTcpProxy _smtp = default!;
    private ClosingTcpProxy _imap = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("kept");
        _smtp = new ClosingTcpProxy(TestEnvironment.SmtpPort);
        _imap = new ClosingTcpProxy(TestEnvironment.ImapPort);
        _rep = await _services.AddUserAsync(UserRole.Rep, $"kept.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep, smtpPort: _smtp.Port, imapPort: _imap.Port);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _smtp.DisposeAsync();
        await _imap.DisposeAsync();
    }

    [Fact]
    public async Task Send_ThreeMailsInARow_OneSmtpAndOneImapSessionForAll()
    {
        var (smtpBefore, imapBefore) = (_smtp.Accepted, _imap.Accepted);

        var mails = new List<OutgoingMail>();
        for (var i = 0; i < 3; i++)
        {
            mails.Add(await SendAsync($"連続送信 {i}"));
        }

        Assert.Equal(1, _smtp.Accepted - smtpBefore);
        Assert.Equal(1, _imap.Accepted - imapBefore);
        foreach (var mail in mails)
        {
            await AssertSentOnceWithOneCopyAsync(mail);
        }
    }

    [Theory]
    [InlineData("421 4.4.2 digima.test Error: timeout exceeded", "* BYE Disconnected for inactivity.")]
    [InlineData(null, null)]
    public async Task Send_KeptSessionsClosedByServer_ReconnectsAndEachMailSentOnce(string? smtpLastLine, string? imapLastLine)
    {
        var first = await SendAsync("切断前");
        var (smtpBefore, imapBefore) = (_smtp.Accepted, _imap.Accepted);

        await _smtp.CloseAllAsync(smtpLastLine);
        await _imap.CloseAllAsync(imapLastLine);
        // Servers end sessions that sat idle (Postfix after 300 s); a session used within the last
        // half second is handed out without a NOOP, so the test lets it sit longer than that (on
        // the app's clock, which the pool reads).
        _services.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await SendAsync("切断後");

        Assert.Equal(MailStatus.Sent, second.Status);
        Assert.True(second.SentCopySaved);
        Assert.Equal(1, _smtp.Accepted - smtpBefore);
        Assert.Equal(1, _imap.Accepted - imapBefore);
        await AssertSentOnceWithOneCopyAsync(first);
        await AssertSentOnceWithOneCopyAsync(second);
    }

    private async Task AssertSentOnceWithOneCopyAsync(OutgoingMail mail)
    {
        Assert.Equal(MailStatus.Sent, mail.Status);
        var to = mail.Recipients[0].Email;
        Assert.Single(await MailboxReader.WaitForAsync(to, mail.MessageId));
        Assert.Single(await MailboxReader.FindAsync(_rep.Email, mail.MessageId, "Sent"));
    }

    private async Task<OutgoingMail> SendAsync(string subject)
    {
        var customer = await _services.AddCustomerAsync("接続");
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)],
            Subject = subject,
            Body = "本文です。よろしくお願いいたします。",
        };
        return await _services.SendNowAndDeliverAsync(_rep, input);
    }
}

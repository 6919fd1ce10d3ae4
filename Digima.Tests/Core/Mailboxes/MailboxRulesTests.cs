using Digima.Core.Mailboxes;

namespace Digima.Tests.Core.Mailboxes;

public sealed class MailboxRulesTests
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST.", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.45.0.9", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("128.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("localhost.example.com", false)]
    [InlineData("smtp.example.co.jp", false)]
    [InlineData("", false)]
    public void IsLoopback_OnlyThisMachine(string host, bool expected) => Assert.Equal(expected, MailHosts.IsLoopback(host));

    [Theory]
    [InlineData("smtp.example.co.jp", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("smtp.example.com:587", false)]
    [InlineData("smtp example", false)]
    [InlineData("https://smtp.example.com", false)]
    public void IsValid_HostOnly(string host, bool expected) => Assert.Equal(expected, MailHosts.IsValid(host));

    [Fact]
    public void Choose_MarkedSentWins()
    {
        var chosen = SentFolderNames.Choose([new("Sent", "Sent", false), new("INBOX/Outbox", "Outbox", true)]);

        Assert.Equal("INBOX/Outbox", chosen);
    }

    [Fact]
    public void Choose_NoMark_CommonNameAnyCaseOrNested()
    {
        Assert.Equal("INBOX.sent items", SentFolderNames.Choose([new("INBOX", "INBOX", false), new("INBOX.sent items", "sent items", false)]));
        Assert.Equal("送信済みアイテム", SentFolderNames.Choose([new("送信済みアイテム", "送信済みアイテム", false)]));
        Assert.Null(SentFolderNames.Choose([new("INBOX", "INBOX", false), new("Archive", "Archive", false)]));
    }

    [Theory]
    [InlineData(MailSecurity.StartTls, 465, 587)]
    [InlineData(MailSecurity.SslOnConnect, 587, 465)]
    [InlineData(MailSecurity.StartTls, 2525, 2525)]
    public void ForSmtp_ChangesOnlyUsualPorts(MailSecurity security, int current, int expected) =>
        Assert.Equal(expected, MailPorts.ForSmtp(security, current));

    [Theory]
    [InlineData(MailSecurity.StartTls, 993, 143)]
    [InlineData(MailSecurity.SslOnConnect, 143, 993)]
    [InlineData(MailSecurity.None, 11143, 11143)]
    public void ForImap_ChangesOnlyUsualPorts(MailSecurity security, int current, int expected) =>
        Assert.Equal(expected, MailPorts.ForImap(security, current));

    [Fact]
    public void SentFolderFor_OnlyWhileTheFormNamesTheTestedLogin()
    {
        var input = new MailboxInput { Imap = { Host = "imap.example.jp", Port = 993, UserName = "sato" } };
        var report = new MailboxTestReport(ProbeResult.Success(), ProbeResult.Success("Sent"), new("smtp.example.jp", 465, "sato"), new("IMAP.example.jp", 993, "sato"));

        Assert.Equal("Sent", report.SentFolderFor(input));
        input.Imap.UserName = "suzuki";
        Assert.Null(report.SentFolderFor(input));
    }
}

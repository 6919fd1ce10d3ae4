using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Digima.Tests.Core.Sending;

/// <summary>Who puts the copy in Sent: found out at a mailbox's first send, then remembered so no
/// later mail pays for it. The real servers (one of which files its own copies) are in
/// <c>Infrastructure/Sending/ServerFiledSentCopyTests</c>.</summary>
public sealed class SentCopyFilingTests
{
    private static readonly MailServerLogin Login = new("127.0.0.1", 25, MailSecurity.None, "rep", "secret");
    private static readonly MailboxConnection Unknown = new(1, "rep@example.test", "営業 太郎", Login, Login, SaveCopyToSent: true, SentFolderName: "Sent");

    private readonly ScriptedTransport _server = new();
    private readonly RecordingOutbox _outbox = new();
    private readonly RecordingMailboxes _mailboxes = new();
    private readonly MailDelivery _delivery;

    public SentCopyFilingTests() =>
        _delivery = new MailDelivery(_outbox, _server, new SentCopyKeeper(_server, _mailboxes, NullLogger<SentCopyKeeper>.Instance), new RecordingLiveEvents(), new SendingOptions(), new FakeTimeProvider(), NullLogger<MailDelivery>.Instance);

    [Fact]
    public async Task Deliver_UnknownAndTheServerFiledTheFirstMail_NothingAppended_MarkedSavedAndRemembered()
    {
        _server.ServerCopy = true;

        await _delivery.DeliverAsync(Unknown, [Mail(1, "a"), Mail(2, "b")], CancellationToken.None);

        Assert.Equal(["send a", "send b", "look for 1@digima.test"], _server.Calls);
        Assert.Equal(["accepted 1", "accepted 2", "sent 1,2"], _outbox.Calls);
        Assert.Equal([true], _outbox.CopySaved);
        Assert.Equal([SentCopyFiling.ByServer], _mailboxes.Remembered);
    }

    [Fact]
    public async Task Deliver_UnknownAndNoServerCopy_AppendedTogetherAsAlways_AndRemembered()
    {
        await _delivery.DeliverAsync(Unknown, [Mail(1, "a"), Mail(2, "b")], CancellationToken.None);

        Assert.Equal(["send a", "send b", "look for 1@digima.test", "copy a,b mayBeThere=False"], _server.Calls);
        Assert.Equal(["accepted 1", "accepted 2", "sent 1,2"], _outbox.Calls);
        Assert.Equal([true], _outbox.CopySaved);
        Assert.Equal([SentCopyFiling.ByApp], _mailboxes.Remembered);
    }

    [Fact]
    public async Task Deliver_UnknownAndSentCouldNotBeAsked_CopiesLookedForThenAdded_StillUnknown()
    {
        _server.ServerCopy = null;

        await _delivery.DeliverAsync(Unknown, [Mail(1, "a")], CancellationToken.None);

        Assert.Equal(["send a", "look for 1@digima.test", "copy a mayBeThere=True"], _server.Calls);
        Assert.Empty(_mailboxes.Remembered);
    }

    [Fact]
    public async Task Deliver_KnownToBeFiledByTheServer_NeitherLooksNorAppends()
    {
        await _delivery.DeliverAsync(Unknown with { SentCopies = SentCopyFiling.ByServer }, [Mail(1, "a"), Mail(2, "b")], CancellationToken.None);

        Assert.Equal(["send a", "send b"], _server.Calls);
        Assert.Equal(["accepted 1", "accepted 2", "sent 1,2"], _outbox.Calls);
        Assert.Equal([true], _outbox.CopySaved);
        Assert.Empty(_mailboxes.Remembered);
    }

    [Fact]
    public async Task Deliver_KnownToBeFiledByTheApp_AppendsWithoutLooking()
    {
        _server.ServerCopy = true;

        await _delivery.DeliverAsync(Unknown with { SentCopies = SentCopyFiling.ByApp }, [Mail(1, "a"), Mail(2, "b")], CancellationToken.None);

        Assert.Equal(["send a", "send b", "copy a,b mayBeThere=False"], _server.Calls);
        Assert.Empty(_mailboxes.Remembered);
    }

    [Fact]
    public async Task Deliver_UnknownAfterACrash_AcceptedBeforeIsOnlyLookedForBeforeAppending_NewMailDecides()
    {
        _server.ServerCopy = true;
        var acceptedBefore = Mail(1, "a") with { SmtpAcceptedAt = DateTimeOffset.UnixEpoch };

        await _delivery.DeliverAsync(Unknown, [acceptedBefore, Mail(2, "b")], CancellationToken.None);

        // A copy of "a" in Sent may be the app's own from before the crash: it decides nothing.
        Assert.Equal(["send b", "copy a mayBeThere=True", "look for 2@digima.test"], _server.Calls);
        Assert.Equal([SentCopyFiling.ByServer], _mailboxes.Remembered);
    }

    [Fact]
    public async Task Deliver_KnownToBeFiledByTheServerAfterACrash_NothingAppended()
    {
        var acceptedBefore = Mail(1, "a") with { SmtpAcceptedAt = DateTimeOffset.UnixEpoch };

        await _delivery.DeliverAsync(Unknown with { SentCopies = SentCopyFiling.ByServer }, [acceptedBefore], CancellationToken.None);

        Assert.Empty(_server.Calls);
        Assert.Equal(["sent 1"], _outbox.Calls);
        Assert.Equal([true], _outbox.CopySaved);
    }

    private static OutgoingMail Mail(long id, string subject) =>
        new() { Id = id, UserId = 1, MessageId = $"{id}@digima.test", Subject = subject, BodyText = "本文です。" };
}

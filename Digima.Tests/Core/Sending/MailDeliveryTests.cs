using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Digima.Tests.Core.Sending;

/// <summary>The order of a batch's steps and what is left to the caller. The same path runs
/// against the real servers in the sending, scheduling and recovery tests; here each outcome is
/// scripted so every branch is seen.</summary>
public sealed class MailDeliveryTests
{
    private static readonly MailServerLogin Login = new("127.0.0.1", 25, MailSecurity.None, "rep", "secret");
    // Who files the copies is known for the tests of the send steps; SentCopyFilingTests start unknown.
    private static readonly MailboxConnection Mailbox = new(1, "rep@example.test", "営業 太郎", Login, Login, SaveCopyToSent: true, SentFolderName: null)
    {
        SentCopies = SentCopyFiling.ByApp,
    };

    private readonly ScriptedTransport _server = new();
    private readonly RecordingOutbox _outbox = new();
    private readonly RecordingLiveEvents _live = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly MailDelivery _delivery;

    public MailDeliveryTests() =>
        _delivery = new MailDelivery(_outbox, _server, new SentCopyKeeper(_server, new RecordingMailboxes(), NullLogger<SentCopyKeeper>.Instance), _live, new SendingOptions(), _clock, NullLogger<MailDelivery>.Instance);

    [Fact]
    public async Task Deliver_Batch_EachAcceptanceRecordedBeforeTheNext_CopiesSavedTogether_ThenMarkedSent()
    {
        var delivered = await _delivery.DeliverAsync(Mailbox, [Mail(1, "a"), Mail(2, "b")], CancellationToken.None);

        Assert.Equal(["send a", "send b", "copy a,b mayBeThere=False"], _server.Calls);
        Assert.Equal(["accepted 1", "accepted 2", "sent 1,2"], _outbox.Calls);
        Assert.Equal(["1 Sending", "2 Sending", "1 Sent", "2 Sent"], _live.Published);
        Assert.Equal([1L, 2L], delivered.Sent.Select(m => m.Id));
        Assert.All(delivered.Sent, m => Assert.NotNull(m.SmtpAcceptedAt));
    }

    [Fact]
    public async Task Deliver_MailTakenOverByAnotherNode_NotHandedToTheServer_NorReturnedToTheCaller()
    {
        // Another node's recovery took mail 2 while this node was frozen: it sends it, not this one.
        _outbox.TakenOver.Add(2);

        var delivered = await _delivery.DeliverAsync(Mailbox, [Mail(1, "a"), Mail(2, "b"), Mail(3, "c")], CancellationToken.None);

        Assert.Equal(["send a", "send c", "copy a,c mayBeThere=False"], _server.Calls);
        Assert.Equal([1L, 3L], delivered.Sent.Select(m => m.Id));
        Assert.Empty(delivered.Failed);
        Assert.Empty(delivered.NotTried);
    }

    [Fact]
    public async Task Deliver_RecipientRefusedInTheMiddle_OthersStillSent_RefusalLeftToTheCaller()
    {
        _server.Answers["b"] = new TransportResult(false, "550 5.1.1 User unknown", Permanent: true);

        var delivered = await _delivery.DeliverAsync(Mailbox, [Mail(1, "a"), Mail(2, "b"), Mail(3, "c")], CancellationToken.None);

        Assert.Equal(["send a", "send b", "send c", "copy a,c mayBeThere=False"], _server.Calls);
        Assert.Equal([1L, 3L], delivered.Sent.Select(m => m.Id));
        Assert.Equal(2, Assert.Single(delivered.Failed).Mail.Id);
        Assert.Empty(delivered.NotTried);
        Assert.False(delivered.ServerFailing);
    }

    [Fact]
    public async Task Deliver_ServerFailsForNow_RestNotTried_WhatWasAcceptedIsFinished()
    {
        _server.Answers["b"] = new TransportResult(false, "421 4.3.2 Service shutting down");

        var delivered = await _delivery.DeliverAsync(Mailbox, [Mail(1, "a"), Mail(2, "b"), Mail(3, "c")], CancellationToken.None);

        Assert.Equal(["send a", "send b", "copy a mayBeThere=False"], _server.Calls);
        Assert.Equal(["accepted 1", "sent 1"], _outbox.Calls);
        Assert.Equal(2, Assert.Single(delivered.Failed).Mail.Id);
        Assert.Equal(3, Assert.Single(delivered.NotTried).Id);
        Assert.True(delivered.ServerFailing);
    }

    [Fact]
    public async Task Deliver_NodeStopsWhileAMailIsHandedOver_ThatMailIsFinished_RestNotTried()
    {
        using var stopping = new CancellationTokenSource();
        _server.WhileSending = mail =>
        {
            if (mail.Subject == "a")
            {
                stopping.Cancel();
            }
        };

        var delivered = await _delivery.DeliverAsync(Mailbox, [Mail(1, "a"), Mail(2, "b")], stopping.Token);

        Assert.Equal(["send a", "copy a mayBeThere=False"], _server.Calls);
        Assert.Equal(["accepted 1", "sent 1"], _outbox.Calls);
        Assert.Equal(2, Assert.Single(delivered.NotTried).Id);
        Assert.Empty(delivered.Failed);
    }

    [Fact]
    public async Task Deliver_AcceptedInAnEarlierAttempt_NotSentAgain_CopyLookedForBeforeItIsAdded()
    {
        var acceptedBefore = Mail(1, "a") with { SmtpAcceptedAt = _clock.GetUtcNow().AddMinutes(-5) };

        var delivered = await _delivery.DeliverAsync(Mailbox, [acceptedBefore], CancellationToken.None);

        Assert.Equal(["copy a mayBeThere=True"], _server.Calls);
        Assert.Equal(["sent 1"], _outbox.Calls);
        Assert.Equal(1, Assert.Single(delivered.Sent).Id);
    }

    [Fact]
    public async Task Deliver_MailboxKeepsNoCopies_NothingAppended_StillMarkedSent()
    {
        var delivery = await _delivery.DeliverAsync(Mailbox with { SaveCopyToSent = false }, [Mail(1, "a")], CancellationToken.None);

        Assert.Equal(["send a"], _server.Calls);
        Assert.Equal(["accepted 1", "sent 1"], _outbox.Calls);
        Assert.Single(delivery.Sent);
    }

    private static OutgoingMail Mail(long id, string subject) =>
        new() { Id = id, UserId = 1, MessageId = $"{id}@digima.test", Subject = subject, BodyText = "本文です。" };
}

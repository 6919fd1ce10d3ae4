using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Core.Sending.UndoSend;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Sending;

/// <summary>「送信を取り消す」: the grace is the outbox row's send_after, the undo a conditional
/// UPDATE that the outbox's claim can never both win with. The clock is the harness's fake one.</summary>
public sealed class UndoSendTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("undo");
        _rep = await _services.AddUserAsync(UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep);
        Assert.True((await _services.Get<SaveUndoGraceCommand>().SaveAsync(_rep, (int)Grace.TotalSeconds, CancellationToken.None)).Succeeded);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SendNow_WithinGrace_NotClaimed_ThenSentOnceWhenDue()
    {
        var customer = await _services.AddCustomerAsync("猶予");
        var id = await SendNowAsync(customer);

        _services.Clock.Advance(Grace - TimeSpan.FromMilliseconds(1));
        Assert.Null(await Outbox.ClaimNextQueuedAsync(_services.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(_services.Clock.GetUtcNow() + TimeSpan.FromMilliseconds(1), await _services.Get<GetUndoDeadlineQuery>().GetAsync(_rep, id, CancellationToken.None));

        _services.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await _services.DeliverQueuedAsync();

        var mail = (await Outbox.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(MailStatus.Sent, mail.Status);
        Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
    }

    [Fact]
    public async Task Undo_WhileQueued_CancelledNeverClaimed_ComposeGetsMailAsTyped()
    {
        var customer = await _services.AddCustomerAsync("取消", company: "株式会社とりけし");
        var input = Input(customer, "{{会社名}} {{姓}}様へのご案内");
        input.OpenTracking = true;
        input.NotifyOnOpen = true;
        var id = (await _services.Get<SendMailCommand>().SendNowAsync(_rep, input, CancellationToken.None)).Value;
        _services.Clock.Advance(Grace / 2);

        var outcome = await _services.Get<UndoSendCommand>().UndoAsync(_rep, id, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        _services.Clock.Advance(TimeSpan.FromMinutes(5));
        await _services.DeliverQueuedAsync();
        Assert.Equal(MailStatus.Cancelled, (await Outbox.GetAsync(id, CancellationToken.None))!.Status);
        var draft = await _services.Get<DraftFromMailQuery>().UndoneAsync(_rep, id, CancellationToken.None);
        Assert.Equal(customer.Id, Assert.Single(draft.To).CustomerId);
        Assert.Equal("{{会社名}} {{姓}}様へのご案内", draft.Subject);
        Assert.Equal(input.Body, draft.Body);
        Assert.True(draft.OpenTracking);
        Assert.True(draft.NotifyOnOpen);
        Assert.False(draft.ClickTracking);
    }

    [Fact]
    public async Task Undo_AfterClaim_RefusedAndSent()
    {
        var customer = await _services.AddCustomerAsync("手遅れ");
        var id = await SendNowAsync(customer);
        _services.Clock.Advance(Grace);
        var claimed = await Outbox.ClaimNextQueuedAsync(_services.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(id, claimed?.Id);

        var outcome = await _services.Get<UndoSendCommand>().UndoAsync(_rep, id, CancellationToken.None);

        Assert.Equal("送信が始まったため取り消せません。", Assert.Single(outcome.Errors).ErrorMessage);
        await _services.Get<SendQueuedMailCommand>().SendAsync(claimed!, CancellationToken.None);
        Assert.Equal(MailStatus.Sent, (await Outbox.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Undo_GraceOverButNotYetClaimed_Refused()
    {
        var id = await SendNowAsync(await _services.AddCustomerAsync("期限"));
        _services.Clock.Advance(Grace);

        var outcome = await _services.Get<UndoSendCommand>().UndoAsync(_rep, id, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(MailStatus.Queued, (await Outbox.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SendNow_GraceZero_ClaimedAtOnce_NoUndo()
    {
        Assert.True((await _services.Get<SaveUndoGraceCommand>().SaveAsync(_rep, 0, CancellationToken.None)).Succeeded);
        var id = await SendNowAsync(await _services.AddCustomerAsync("即時"));

        Assert.Null(await _services.Get<GetUndoDeadlineQuery>().GetAsync(_rep, id, CancellationToken.None));
        Assert.False((await _services.Get<UndoSendCommand>().UndoAsync(_rep, id, CancellationToken.None)).Succeeded);
        Assert.Equal(id, (await Outbox.ClaimNextQueuedAsync(_services.Clock.GetUtcNow(), CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task Undo_AnotherRepsMail_RefusedAndStillQueued()
    {
        var id = await SendNowAsync(await _services.AddCustomerAsync("他人"));
        var other = await _services.AddUserAsync(UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        var manager = await _services.AddUserAsync(UserRole.Manager, $"mgr.{Guid.NewGuid():N}"[..16] + "@digima.test");

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<UndoSendCommand>().UndoAsync(other, id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<UndoSendCommand>().UndoAsync(manager, id, CancellationToken.None));
        Assert.Null(await _services.Get<GetUndoDeadlineQuery>().GetAsync(other, id, CancellationToken.None));
        Assert.Equal(MailStatus.Queued, (await Outbox.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public async Task SaveGrace_OutsideZeroToThirty_Refused(int seconds)
    {
        var outcome = await _services.Get<SaveUndoGraceCommand>().SaveAsync(_rep, seconds, CancellationToken.None);

        Assert.Equal("送信の取り消し猶予は0〜30秒で指定してください。", Assert.Single(outcome.Errors).ErrorMessage);
        Assert.Equal(Grace, await _services.Get<GetUndoGraceQuery>().GetAsync(_rep, CancellationToken.None));
    }

    private IOutgoingMailRepository Outbox => _services.Get<IOutgoingMailRepository>();

    private async Task<long> SendNowAsync(Customer customer)
    {
        var outcome = await _services.Get<SendMailCommand>().SendNowAsync(_rep, Input(customer, "ご案内"), CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value;
    }

    private static ComposeInput Input(Customer to, string subject) => new()
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = subject,
        Body = "{{姓}} 様\n本文です。よろしくお願いいたします。",
    };
}

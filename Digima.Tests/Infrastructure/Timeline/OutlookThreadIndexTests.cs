using Digima.Core.Compose;
using Digima.Core.Timeline.Threads;
using Digima.Tests.Infrastructure.MailImport;
using Digima.Tests.Infrastructure.Scheduling;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Timeline;

/// <summary>Outlook's Thread-Index joins a conversation whose client dropped References (B4), through
/// the real Postfix and Dovecot: on mail the app sends, on mail imported from the rep's folders.</summary>
public sealed class OutlookThreadIndexTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("thread-index");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task CustomersOutlookReply_WithoutReferences_JoinsTheAppMail()
    {
        var customer = await _s.AddCustomerAsync("アウトルック");
        var sent = await _s.Services.SendNowAndDeliverAsync(_s.Rep, ScheduledScenario.Input("Re: 【返信】納期の件", "本文です。", customer));
        var delivered = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        var index = ThreadIndex.Parse(delivered.Headers["Thread-Index"]);
        Assert.NotNull(index);
        Assert.Equal("納期の件", delivered.Headers["Thread-Topic"]);

        var reply = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "RE: 納期の件"), reply, DateTimeOffset.UtcNow)
            .Header("Thread-Index", ThreadIndex.Format(ThreadIndex.Reply(index, DateTimeOffset.UtcNow, 3))).Text("UTF-8", "承知しました"));
        await _s.SyncAsync();

        Assert.Equal(await ThreadOfAsync(sent.MessageId), await ThreadOfAsync(reply));
    }

    [Fact]
    public async Task ImportedOutlookConversation_JoinsByIndex_ButNotAcrossSubjectsOrWithAMalformedIndex()
    {
        var customer = await _s.AddCustomerAsync("会話");
        var root = ThreadIndex.NewConversation(DateTimeOffset.UtcNow.AddDays(-2), Guid.NewGuid());
        var question = RawMail.NewId();
        var answer = RawMail.NewId();
        var otherTopic = RawMail.NewId();
        var malformed = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "ご質問"), question, DateTimeOffset.UtcNow.AddDays(-2))
            .Header("Thread-Index", ThreadIndex.Format(root)).Text("UTF-8", "質問です"));
        await _s.AppendAsync("Sent",
            RawMail.Create(_s.Rep.Email, customer.Email, RawMail.Word("UTF-8", "RE: ご質問"), answer, DateTimeOffset.UtcNow.AddDays(-1))
                .Header("Thread-Index", ThreadIndex.Format(ThreadIndex.Reply(root, DateTimeOffset.UtcNow.AddDays(-1), 1))).Text("UTF-8", "回答です"),
            RawMail.Create(_s.Rep.Email, customer.Email, RawMail.Word("UTF-8", "別件のご連絡"), otherTopic, DateTimeOffset.UtcNow.AddHours(-20))
                .Header("Thread-Index", ThreadIndex.Format(ThreadIndex.Reply(root, DateTimeOffset.UtcNow.AddHours(-20), 2))).Text("UTF-8", "別件"),
            RawMail.Create(_s.Rep.Email, customer.Email, RawMail.Word("UTF-8", "RE: ご質問"), malformed, DateTimeOffset.UtcNow.AddHours(-19))
                .Header("Thread-Index", ThreadIndex.Format(root) + "AAAA").Text("UTF-8", "壊れた索引"));
        await _s.SyncAsync();

        var thread = await ThreadOfAsync(question);
        Assert.Equal(thread, await ThreadOfAsync(answer));
        Assert.NotEqual(thread, await ThreadOfAsync(otherTopic));
        Assert.NotEqual(thread, await ThreadOfAsync(malformed));
    }

    [Fact]
    public async Task AppReply_ToAnOutlookMail_ContinuesItsIndex()
    {
        var customer = await _s.AddCustomerAsync("続き");
        var root = ThreadIndex.NewConversation(DateTimeOffset.UtcNow.AddHours(-3), Guid.NewGuid());
        var question = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "お問い合わせ"), question, DateTimeOffset.UtcNow.AddHours(-3))
            .Header("Thread-Index", ThreadIndex.Format(root)).Text("UTF-8", "質問です"));
        await _s.SyncAsync();

        var input = ScheduledScenario.Input("Re: お問い合わせ", "回答です。", customer);
        input.InReplyTo = question;
        input.References = [question];
        var sent = await _s.Services.SendNowAndDeliverAsync(_s.Rep, input);

        var delivered = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        var index = ThreadIndex.Parse(delivered.Headers["Thread-Index"]);
        Assert.NotNull(index);
        Assert.Equal(root.Length + ThreadIndex.BlockLength, index.Length);
        Assert.Equal(root, index[..root.Length]);
    }

    private Task<string> ThreadOfAsync(string messageId) =>
        _s.ScalarAsync<string>("SELECT thread_id FROM mail_threads WHERE message_id = @messageId", new { messageId });
}

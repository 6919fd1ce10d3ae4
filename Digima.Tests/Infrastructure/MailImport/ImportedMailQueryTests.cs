using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.MailImport;
using Digima.Core.Sending;
using Digima.Core.Timeline;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>The read use cases the mailbox list, preview and profile use (R19, R20, R29).</summary>
public sealed class ImportedMailQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private ImportScenario _s = default!;
    private long _customerId;

    public async Task InitializeAsync()
    {
        _s = await ImportScenario.CreateAsync("queries");
        var customer = await _s.AddCustomerAsync("一覧");
        _customerId = customer.Id;
        var root = RawMail.NewId();
        var reply = RawMail.NewId();
        await _s.AppendAsync("INBOX",
            RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "見積もり依頼"), root, Day).Text("UTF-8", "お願いします"),
            RawMail.Create(customer.Email, _s.Rep.Email, "Re: x", reply, Day.AddDays(2)).Header("In-Reply-To", $"<{root}>").Header("References", $"<{root}>").Text("UTF-8", "追加"),
            RawMail.Create(customer.Email, _s.Rep.Email, RawMail.Word("UTF-8", "別件"), date: Day.AddDays(1)).Text("UTF-8", "別件です"));
        await _s.AppendAsync("Sent",
            RawMail.Create(_s.Rep.Email, customer.Email, RawMail.Word("UTF-8", "Re: 見積もり依頼"), date: Day.AddDays(1).AddHours(1)).Header("References", $"<{root}>").Text("UTF-8", "送付します"));
        await _s.SyncAsync();
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task List_ReceivedTab_NewestFirstWithKeysetPaging()
    {
        var query = _s.Services.Get<ListImportedMailQuery>();

        var first = await query.ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Received, null, null, 2, CancellationToken.None);
        var second = await query.ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Received, null, MailPageKey.After(first[^1]), 2, CancellationToken.None);

        Assert.Equal(["Re: x", "別件"], first.Select(m => m.Subject));
        Assert.All(first, m => Assert.Equal((_customerId, "一覧"), (m.CustomerId!.Value, m.CustomerName)));
        Assert.Equal(["見積もり依頼"], second.Select(m => m.Subject));
        Assert.Equal(["Re: 見積もり依頼"], (await query.ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Sent, null, null, 10, CancellationToken.None)).Select(m => m.Subject));
    }

    [Fact]
    public async Task List_SearchJapaneseAndLikeCharacters_MatchesOnlyThose()
    {
        var query = _s.Services.Get<ListImportedMailQuery>();

        var found = await query.ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Received, "見積", null, 10, CancellationToken.None);
        var none = await query.ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Received, "%", null, 10, CancellationToken.None);

        Assert.Equal(["見積もり依頼"], found.Select(m => m.Subject));
        Assert.Empty(none);
    }

    [Fact]
    public async Task List_OtherRep_ForbiddenButManagerMayRead()
    {
        var other = await _s.Services.AddUserAsync(UserRole.Rep);
        var manager = await _s.Services.AddUserAsync(UserRole.Manager);
        var query = _s.Services.Get<ListImportedMailQuery>();

        await Assert.ThrowsAsync<ForbiddenException>(() => query.ListAsync(other, _s.Rep.Id, MailDirection.Received, null, null, 10, CancellationToken.None));
        Assert.Equal(3, (await query.ListAsync(manager, _s.Rep.Id, MailDirection.Received, null, null, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Get_ThreadAsTheTimelineShowsIt_BothDirectionsAppMailToo_SubjectRuleApplied_HiddenFromOtherRep()
    {
        var list = _s.Services.Get<ListImportedMailQuery>();
        var get = _s.Services.Get<GetImportedMailQuery>();
        var rootRow = (await list.ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Received, "見積もり依頼", null, 1, CancellationToken.None))[0];
        var root = (await get.GetAsync(_s.Rep, rootRow.Id, CancellationToken.None)).Mail;
        // The rep answered from this app as well.
        var appMail = new OutgoingMail
        {
            UserId = _s.Rep.Id,
            MessageId = $"app.{Guid.NewGuid():N}@digima.test",
            Subject = "Re: 見積もり依頼",
            BodyText = "アプリから送りました",
            CreatedAt = Day.AddDays(3),
            InReplyTo = root.MessageId,
            ReferencesHeader = root.MessageId,
            Recipients = [new OutgoingRecipient(RecipientKind.To, _customerId, root.FromAddress, "一覧")],
        };
        var appMailId = await _s.Services.Get<IOutgoingMailRepository>().InsertAsync(appMail, CancellationToken.None);
        var changedRow = (await list.ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Received, "Re: x", null, 1, CancellationToken.None))[0];

        var preview = await get.GetAsync(_s.Rep, rootRow.Id, CancellationToken.None);
        var changed = await get.GetAsync(_s.Rep, changedRow.Id, CancellationToken.None);

        Assert.Equal(["Re: 見積もり依頼", "Re: 見積もり依頼", "見積もり依頼"], preview.Thread.Select(m => m.Item.Subject));
        Assert.Equal(appMailId, preview.Thread[0].Item.OutgoingMailId);
        Assert.Equal([TimelineDirection.Out, TimelineDirection.Out, TimelineDirection.In], preview.Thread.Select(m => m.Item.Direction));
        // A reply whose subject changed starts its own exchange (R17), as on the timeline.
        Assert.Equal(["Re: x"], changed.Thread.Select(m => m.Item.Subject));
        var other = await _s.Services.AddUserAsync(UserRole.Rep);
        await Assert.ThrowsAsync<NotFoundException>(() => get.GetAsync(other, rootRow.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ListForCustomer_AllDirections_NewestFirst()
    {
        var rows = await _s.Services.Get<ListCustomerImportedMailQuery>().ListAsync(_s.Rep, _customerId, 10, CancellationToken.None);

        Assert.Equal(["Re: x", "Re: 見積もり依頼", "別件", "見積もり依頼"], rows.Select(r => r.Subject));
    }

    [Fact]
    public async Task Delete_OtherRepsMail_Refused()
    {
        var row = (await _s.Services.Get<ListImportedMailQuery>().ListAsync(_s.Rep, _s.Rep.Id, MailDirection.Received, null, null, 1, CancellationToken.None))[0];
        var other = await _s.Services.AddUserAsync(UserRole.Manager);

        Assert.False(await _s.Services.Get<DeleteImportedMailCommand>().DeleteAsync(other, row.Id, CancellationToken.None));
        Assert.Equal(4, (await _s.StoredAsync()).Count);
    }
}

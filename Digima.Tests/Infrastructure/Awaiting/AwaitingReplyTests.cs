using Digima.Core.Accounts;
using Digima.Core.Awaiting;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Tests.Infrastructure.MailImport;

namespace Digima.Tests.Infrastructure.Awaiting;

/// <summary>返信待ち (B8) over real mail: imported through Dovecot from the rep's folders and sent
/// from the app through Postfix; the state kept by those writes, read by the use case.</summary>
public sealed class AwaitingReplyTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("awaiting");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private DateTimeOffset Now => _s.Services.Clock.GetUtcNow();

    [Fact]
    public async Task Sync_CustomerMail_WaitingUntilRepRepliesFromOwnClientInTheThread()
    {
        var customer = await _s.AddCustomerAsync("待ち");
        var question = RawMail.NewId();
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "question", question, Now.AddDays(-3)).Text("UTF-8", "ご相談"));
        await _s.SyncAsync();

        var row = Assert.Single(await ListAsync(_s.Rep), r => r.Record.CustomerId == customer.Id);
        Assert.Equal("question", row.Record.Subject);
        Assert.Equal(_s.Rep.Id, row.Record.RepUserId);
        Assert.NotNull(row.Record.TimelineItemId);
        Assert.Contains(customer.Id, (await ChipsAsync(customer.Id)).Keys);

        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "Re: question", date: Now.AddDays(-1))
            .Header("In-Reply-To", $"<{question}>").Text("UTF-8", "回答"));
        await _s.SyncAsync();

        Assert.DoesNotContain(await ListAsync(_s.Rep), r => r.Record.CustomerId == customer.Id);
        Assert.Empty(await ChipsAsync(customer.Id));
    }

    [Fact]
    public async Task Sync_ReplyInAnotherThreadWithCustomerInCc_Clears()
    {
        var customer = await _s.AddCustomerAsync("別スレッド");
        var other = await _s.AddCustomerAsync("宛先");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "question", date: Now.AddDays(-3)).Text("UTF-8", "ご相談"));
        await _s.SyncAsync();
        Assert.Contains(await ListAsync(_s.Rep), r => r.Record.CustomerId == customer.Id);

        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, other.Email, "new topic", date: Now.AddDays(-2)).Header("Cc", customer.Email).Text("UTF-8", "別件"));
        await _s.SyncAsync();

        Assert.DoesNotContain(await ListAsync(_s.Rep), r => r.Record.CustomerId == customer.Id);
    }

    [Fact]
    public async Task SendFromApp_BccOnlyKeepsWaiting_ToClears()
    {
        var customer = await _s.AddCustomerAsync("Bcc");
        var other = await _s.AddCustomerAsync("他");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "question", date: Now.AddDays(-3)).Text("UTF-8", "ご相談"));
        await _s.SyncAsync();

        await SendAsync(new ComposeInput { To = [Recipient(other)], Bcc = [Recipient(customer)], Subject = "一斉", Body = "本文です。よろしくお願いいたします。" });
        Assert.Contains(await ListAsync(_s.Rep), r => r.Record.CustomerId == customer.Id);

        await SendAsync(new ComposeInput { To = [Recipient(customer)], Subject = "回答", Body = "本文です。よろしくお願いいたします。" });
        Assert.DoesNotContain(await ListAsync(_s.Rep), r => r.Record.CustomerId == customer.Id);
    }

    [Fact]
    public async Task Sync_OlderMailImportedLater_DoesNotMoveStateBack()
    {
        var answered = await _s.AddCustomerAsync("回答済み");
        var waiting = await _s.AddCustomerAsync("新しい方");
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, answered.Email, "answer", date: Now.AddDays(-1)).Text("UTF-8", "回答"));
        await _s.AppendAsync("INBOX", RawMail.Create(waiting.Email, _s.Rep.Email, "newest", date: Now.AddDays(-2)).Text("UTF-8", "新"));
        await _s.SyncAsync();

        await _s.AppendAsync("INBOX",
            RawMail.Create(answered.Email, _s.Rep.Email, "old question", date: Now.AddDays(-5)).Text("UTF-8", "古"),
            RawMail.Create(waiting.Email, _s.Rep.Email, "oldest", date: Now.AddDays(-6)).Text("UTF-8", "古"));
        await _s.SyncAsync();

        var rows = await ListAsync(_s.Rep);
        Assert.DoesNotContain(rows, r => r.Record.CustomerId == answered.Id);
        Assert.Equal("newest", Assert.Single(rows, r => r.Record.CustomerId == waiting.Id).Record.Subject);
    }

    [Fact]
    public async Task List_AgeInBusinessDays_SkipsWeekendCompanyHolidayAndYearEndBreak()
    {
        // A year ahead whose 12/25 is a Thursday: received then, read on Monday 1/5 after the break.
        var year = Enumerable.Range(Now.Year, 20).First(y => new DateTime(y, 12, 25).DayOfWeek == DayOfWeek.Thursday);
        var tokyo = TimeSpan.FromHours(9);
        var customer = await _s.AddCustomerAsync("年末");
        // A first sync now: later syncs read new arrivals whatever their date.
        await _s.SyncAsync();
        _s.Services.Clock.SetUtcNow(new DateTimeOffset(year, 12, 25, 12, 0, 0, tokyo).ToUniversalTime());
        var received = new DateTimeOffset(year, 12, 25, 10, 0, 0, tokyo);
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "year end", date: received).Text("UTF-8", "年末"));
        Assert.Equal(1, (await _s.SyncAsync()).Imported);
        _s.Services.Clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 5, 12, 0, 0, tokyo).ToUniversalTime());

        // 12/26 (Fri) is a business day, then the weekend, the break 12/29-1/3, Sunday 1/4, Monday 1/5.
        Assert.Equal(2, Assert.Single(await ListAsync(_s.Rep)).AgeBusinessDays);

        await _s.ExecuteAsync("INSERT INTO company_holidays (day, name, created_at) VALUES (@day, '創立記念日', now())",
            new { day = new DateTime(year, 12, 26) });
        Assert.Equal(1, Assert.Single(await ListAsync(_s.Rep)).AgeBusinessDays);
        Assert.Equal(1, (await ChipsAsync(customer.Id))[customer.Id].AgeBusinessDays);
    }

    [Fact]
    public async Task List_OtherRep_SeesNoneOfTheRepsAndIsRefusedTheirFilter_ManagerFiltersPerRep()
    {
        var customer = await _s.AddCustomerAsync("見え方");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "mine", date: Now.AddDays(-1)).Text("UTF-8", "本文"));
        await _s.SyncAsync();
        var colleague = await _s.Services.AddUserAsync(UserRole.Rep);
        var manager = await _s.Services.AddUserAsync(UserRole.Manager);

        Assert.Empty(await ListAsync(colleague));
        Assert.Empty(await ListAsync(colleague, colleague.Id));
        await Assert.ThrowsAsync<Digima.Core.Common.ForbiddenException>(() => ListAsync(colleague, _s.Rep.Id));
        Assert.Single(await ListAsync(manager));
        Assert.Single(await ListAsync(manager, _s.Rep.Id));
        Assert.Empty(await ListAsync(manager, colleague.Id));
    }

    [Fact]
    public async Task List_DeepPages_OldestFirstEachOnce()
    {
        var mails = new List<RawMail>();
        for (var i = 0; i < ListAwaitingReplyQuery.PageSize + 5; i++)
        {
            var customer = await _s.AddCustomerAsync($"頁{i}");
            mails.Add(RawMail.Create(customer.Email, _s.Rep.Email, $"m{i}", date: Now.AddHours(-100 + i)).Text("UTF-8", "本文"));
        }

        await _s.AppendAsync("INBOX", [.. mails]);
        await _s.SyncAsync();

        var query = _s.Services.Get<ListAwaitingReplyQuery>();
        var first = await query.ListAsync(_s.Rep, null, null, CancellationToken.None);
        var second = await query.ListAsync(_s.Rep, null, first.Next, CancellationToken.None);
        var subjects = first.Rows.Concat(second.Rows).Select(r => r.Record.Subject).ToList();
        Assert.Equal(Enumerable.Range(0, ListAwaitingReplyQuery.PageSize + 5).Select(i => $"m{i}"), subjects);
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task Delete_WaitingMail_StateFromWhatIsLeft()
    {
        var customer = await _s.AddCustomerAsync("削除");
        await _s.AppendAsync("INBOX",
            RawMail.Create(customer.Email, _s.Rep.Email, "older", date: Now.AddDays(-4)).Text("UTF-8", "本文"),
            RawMail.Create(customer.Email, _s.Rep.Email, "newer", date: Now.AddDays(-2)).Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, customer.Email, "answer", date: Now.AddDays(-3)).Text("UTF-8", "回答"));
        await _s.SyncAsync();
        var row = Assert.Single(await ListAsync(_s.Rep));
        Assert.Equal("newer", row.Record.Subject);

        await _s.ExecuteAsync("DELETE FROM imported_mails WHERE id = @id", new { id = row.Record.ImportedMailId });

        Assert.Empty(await ListAsync(_s.Rep));
    }

    [Fact]
    public async Task Backfill_FromStoredMail_SameStateAsTheWritesKept()
    {
        var waiting = await _s.AddCustomerAsync("埋め戻し待ち");
        var answered = await _s.AddCustomerAsync("埋め戻し済み");
        var bcc = await _s.AddCustomerAsync("埋め戻しBcc");
        await _s.AppendAsync("INBOX",
            RawMail.Create(waiting.Email, _s.Rep.Email, "w", date: Now.AddDays(-2)).Text("UTF-8", "本文"),
            RawMail.Create(answered.Email, _s.Rep.Email, "a", date: Now.AddDays(-3)).Text("UTF-8", "本文"),
            RawMail.Create(bcc.Email, _s.Rep.Email, "b", date: Now.AddDays(-4)).Text("UTF-8", "本文"));
        await _s.AppendAsync("Sent", RawMail.Create(_s.Rep.Email, waiting.Email, "old answer", date: Now.AddDays(-5)).Text("UTF-8", "回答"));
        await _s.SyncAsync();
        await SendAsync(new ComposeInput { To = [Recipient(answered)], Bcc = [Recipient(bcc)], Subject = "回答", Body = "本文です。よろしくお願いいたします。" });
        const string state = "SELECT customer_id, last_in_at, last_in_mail_id, last_in_user_id, last_out_at, waiting FROM customer_reply_state ORDER BY customer_id";
        var kept = await RowsAsync(state);

        await _s.ExecuteAsync("DELETE FROM customer_reply_state");
        await _s.ExecuteAsync("""
            SELECT customer_reply_state_recompute(ARRAY(
                SELECT customer_id FROM imported_mail_customers UNION SELECT customer_id FROM outgoing_mail_recipients WHERE customer_id IS NOT NULL))
            """);

        Assert.Equal(kept, await RowsAsync(state));
        Assert.Equal(new[] { waiting.Id, bcc.Id }, (await ListAsync(_s.Rep)).Select(r => r.Record.CustomerId).Order());
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = await _s.Services.Database.DataSource.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private async Task<IReadOnlyList<AwaitingReply>> ListAsync(Digima.Core.Common.CurrentUser actor, long? rep = null) =>
        (await _s.Services.Get<ListAwaitingReplyQuery>().ListAsync(actor, rep, null, CancellationToken.None)).Rows;

    private Task<IReadOnlyDictionary<long, AwaitingReply>> ChipsAsync(long customerId) =>
        _s.Services.Get<GetAwaitingRepliesQuery>().GetAsync(_s.Rep, [customerId], CancellationToken.None);

    private static ComposeRecipient Recipient(Customer c) => new(c.Id, c.Email, c.FullName);

    private async Task SendAsync(ComposeInput input)
    {
        await _s.Services.Get<SendMailCommand>().SendNowAsync(_s.Rep, input, CancellationToken.None);
        var claimed = await _s.Services.Get<IOutgoingMailRepository>().ClaimNextQueuedAsync(Now.AddMinutes(5), CancellationToken.None);
        await _s.Services.Get<SendQueuedMailCommand>().SendAsync(claimed!, CancellationToken.None);
    }
}

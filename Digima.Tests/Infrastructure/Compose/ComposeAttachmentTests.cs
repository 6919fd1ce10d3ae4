using System.Security.Cryptography;
using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Tests.Support;
using MimeKit;

namespace Digima.Tests.Infrastructure.Compose;

/// <summary>Attachments from compose to the customer's mailbox, through the real local Postfix and
/// Dovecot, and the rules of giving files to a mail.</summary>
public sealed class ComposeAttachmentTests : IAsyncLifetime
{
    private const string JapaneseName = "御見積書_2026年度.pdf";
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("compose-attachments", new Dictionary<string, string?>
        {
            ["Digima:Attachments:MaxTotalBytes"] = "600000",
        });
        _rep = await _services.AddUserAsync(UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(_services.Provider, _rep);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IAttachmentStore Store => _services.Get<IAttachmentStore>();

    [Fact]
    public async Task SendNow_WithJapaneseNamedFile_CustomerAndSentCopyGetNameAndBytesIntact()
    {
        var customer = await _services.AddCustomerAsync("添付");
        var content = RandomNumberGenerator.GetBytes(300_001);
        var input = Input(customer);
        input.Attachments.Add(await UploadAsync(_rep, JapaneseName, content));

        var mail = await _services.SendNowAndDeliverAsync(_rep, input);

        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, mail.MessageId));
        AssertCarries(received, content);
        AssertCarries(Assert.Single(await MailboxReader.FindAsync(_rep.Email, mail.MessageId, "Sent")), content);
        var kept = Assert.Single(await Store.ListForOutgoingAsync(mail.Id, CancellationToken.None));
        Assert.Equal(input.Attachments[0].FileId, kept.Id);
    }

    [Fact]
    public async Task SendNow_AnotherRepsLooseFile_RefusedAndNothingQueued()
    {
        var other = await _services.AddUserAsync(UserRole.Rep);
        var customer = await _services.AddCustomerAsync("他人");
        var input = Input(customer);
        input.Attachments.Add(await UploadAsync(other, "他人の資料.pdf", [1, 2, 3]));

        var outcome = await _services.Get<SendMailCommand>().SendNowAsync(_rep, input, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("添付ファイルの一部が見つかりません（送信済みか削除されています）。添付し直してください。", Assert.Single(outcome.Errors).ErrorMessage);
        Assert.Equal(0, await MailCountAsync(_rep.Id));
        Assert.True((await Store.FindAsync(input.Attachments[0].FileId, CancellationToken.None))!.IsLoose);
    }

    [Fact]
    public async Task Insert_OneFileTakenMeanwhile_NoMailAndTheOtherFileStillLoose()
    {
        var customer = await _services.AddCustomerAsync("同時");
        var free = await UploadAsync(_rep, "free.txt", [1]);
        var taken = await UploadAsync(_rep, "taken.txt", [2]);
        var built = await _services.Get<ComposedMailFactory>().BuildAsync(_rep, Input(customer), CancellationToken.None);
        // Sent with another mail from a second tab between the check and the insert.
        var first = await _services.SendNowAndDeliverAsync(_rep, WithFiles(Input(customer), taken));

        var insert = () => _services.Get<IOutgoingMailRepository>().InsertAsync(built.Value! with { AttachmentIds = [free.FileId, taken.FileId] }, CancellationToken.None);

        await Assert.ThrowsAsync<AttachmentsUnavailableException>(insert);
        Assert.Equal(1, await MailCountAsync(_rep.Id));
        Assert.True((await Store.FindAsync(free.FileId, CancellationToken.None))!.IsLoose);
        Assert.Equal(first.Id, (await Store.FindAsync(taken.FileId, CancellationToken.None))!.OutgoingMailId);
    }

    [Fact]
    public async Task SendNow_PageUnderstatesSizes_RealTotalRefused()
    {
        var customer = await _services.AddCustomerAsync("過少");
        var input = Input(customer);
        input.Attachments.Add((await UploadAsync(_rep, "a.bin", new byte[400_000])) with { Size = 1 });
        input.Attachments.Add((await UploadAsync(_rep, "b.bin", new byte[400_000])) with { Size = 1 });

        var outcome = await _services.Get<SendMailCommand>().SendNowAsync(_rep, input, CancellationToken.None);

        Assert.StartsWith("添付ファイルは合計586 KBまでです", Assert.Single(outcome.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await MailCountAsync(_rep.Id));
    }

    [Fact]
    public async Task Upload_OverWhatIsLeft_RefusedWithTheReasonAndNothingStored()
    {
        var upload = _services.Get<UploadAttachmentCommand>();

        var outcome = await upload.UploadAsync(_rep, "big.bin", "application/octet-stream", new MemoryStream(new byte[200_000]), 500_000, null, CancellationToken.None);

        Assert.StartsWith("添付ファイルは合計586 KBまでです（現在", Assert.Single(outcome.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM stored_files WHERE owner_user_id = @userId", _rep.Id));
    }

    [Fact]
    public async Task Remove_AnotherRepsFile_LeftAlone_OwnFileDeleted()
    {
        var other = await _services.AddUserAsync(UserRole.Rep);
        var theirs = await UploadAsync(other, "他人.pdf", [1]);
        var mine = await UploadAsync(_rep, "自分.pdf", [2]);
        var remove = _services.Get<RemoveAttachmentCommand>();

        await remove.RemoveAsync(_rep, theirs.FileId, CancellationToken.None);
        await remove.RemoveAsync(_rep, mine.FileId, CancellationToken.None);

        Assert.NotNull(await Store.FindAsync(theirs.FileId, CancellationToken.None));
        Assert.Null(await Store.FindAsync(mine.FileId, CancellationToken.None));
    }

    [Fact]
    public async Task DuplicateSent_WithFile_CopiedAsTheActorsLooseFile()
    {
        var customer = await _services.AddCustomerAsync("複製");
        var content = RandomNumberGenerator.GetBytes(1000);
        var mail = await _services.SendNowAndDeliverAsync(_rep, WithFiles(Input(customer), await UploadAsync(_rep, JapaneseName, content)));

        var draft = await _services.Get<DraftFromMailQuery>().DuplicateSentAsync(_rep, mail.Id, CancellationToken.None);

        var copy = Assert.Single(draft.Attachments);
        Assert.Equal(JapaneseName, copy.Name);
        var stored = (await Store.FindAsync(copy.FileId, CancellationToken.None))!;
        Assert.True(stored.IsLoose);
        Assert.Equal(_rep.Id, stored.OwnerUserId);
        Assert.Equal(SHA256.HashData(content), stored.Sha256);
        Assert.Single(await Store.ListForOutgoingAsync(mail.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ForwardSent_WithFile_CarriesACopy_ThatGoesOutWithTheForward_OriginalKept()
    {
        var customer = await _services.AddCustomerAsync("転送元");
        var next = await _services.AddCustomerAsync("転送先");
        var content = RandomNumberGenerator.GetBytes(2000);
        var mail = await _services.SendNowAndDeliverAsync(_rep, WithFiles(Input(customer), await UploadAsync(_rep, JapaneseName, content)));

        var forward = await _services.Get<DraftFromMailQuery>().ForwardSentAsync(_rep, mail.Id, CancellationToken.None);
        forward.To.Add(new ComposeRecipient(next.Id, next.Email, next.FullName));
        var forwarded = await _services.SendNowAndDeliverAsync(_rep, forward);

        var carried = Assert.Single(await Store.ListForOutgoingAsync(forwarded.Id, CancellationToken.None));
        Assert.Equal(JapaneseName, carried.FileName);
        Assert.Equal(SHA256.HashData(content), carried.Sha256);
        Assert.NotEqual(Assert.Single(await Store.ListForOutgoingAsync(mail.Id, CancellationToken.None)).Id, carried.Id);
        AssertCarries(Assert.Single(await MailboxReader.WaitForAsync(next.Email, forwarded.MessageId)), content);
    }

    [Fact]
    public async Task Schedule_WithFile_KeptWithTheMailAndListedForItsAuthorOnly()
    {
        var customer = await _services.AddCustomerAsync("予約");
        var other = await _services.AddUserAsync(UserRole.Rep);
        var file = await UploadAsync(_rep, JapaneseName, [7, 7, 7]);
        var at = TimeZones.ToUserTime(_services.Clock.GetUtcNow().AddDays(1), "Asia/Tokyo").DateTime;

        var outcome = await _services.Get<Digima.Core.Scheduling.ScheduleMailCommand>()
            .ScheduleAsync(_rep, WithFiles(Input(customer), file), at, "Asia/Tokyo", CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        var listed = await _services.Get<ListMailAttachmentsQuery>().ListAsync(_rep, outcome.Value, CancellationToken.None);
        Assert.Equal([file.FileId], listed.Select(f => f.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<ListMailAttachmentsQuery>().ListAsync(other, outcome.Value, CancellationToken.None));
    }

    private static void AssertCarries(MimeMessage message, byte[] content)
    {
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(JapaneseName, part.FileName);
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded);
        Assert.Equal(content, decoded.ToArray());
    }

    private async Task<ComposeAttachment> UploadAsync(CurrentUser owner, string name, byte[] content)
    {
        var stored = await Store.SaveAsync(new NewStoredFile(owner.Id, name, name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream", _services.Clock.GetUtcNow()),
            new MemoryStream(content), long.MaxValue, CancellationToken.None);
        return ComposeAttachment.From(stored!);
    }

    private Task<long> MailCountAsync(long userId) => CountAsync("SELECT count(*) FROM outgoing_mails WHERE user_id = @userId", userId);

    private async Task<long> CountAsync(string sql, long userId)
    {
        await using var connection = await _services.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { userId });
    }

    private static ComposeInput WithFiles(ComposeInput input, params ComposeAttachment[] files)
    {
        input.Attachments.AddRange(files);
        return input;
    }

    private static ComposeInput Input(Customer to) => new()
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = "資料送付のご案内",
        Body = "資料をお送りいたします。よろしくお願いいたします。",
    };
}

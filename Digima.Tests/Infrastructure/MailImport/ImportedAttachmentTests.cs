using System.Security.Cryptography;
using Digima.Core.Attachments;
using Digima.Core.MailImport;
using static Digima.Tests.Infrastructure.MailImport.AttachmentFixtures;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>Attachments of imported mail: stored byte for byte under their decoded (Japanese)
/// names, over the per-mail limit listed with the reason, never stored twice, gone with the mail.</summary>
public sealed class ImportedAttachmentTests : IAsyncLifetime
{
    private const int Limit = 300_000;
    private ImportScenario _s = default!;
    private string _customer = "";

    public async Task InitializeAsync()
    {
        _s = await ImportScenario.CreateAsync("attachments", new Dictionary<string, string?>
        {
            ["Digima:Attachments:ImportMaxBytesPerMail"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _customer = (await _s.AddCustomerAsync("添付")).Email;
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Sync_JapaneseFileNamesInEveryEncoding_StoredByteIdenticalUnderDecodedNames()
    {
        var id = RawMail.NewId();
        var files = new[] { Pdf(20_000, 1), Pdf(200_000, 2), Pdf(15_000, 3), Pdf(10_000, 4) };
        var mail = With(RawMail.Create(_customer, _s.Rep.Email, "attachments-names", id), "添付をご確認ください。",
            Rfc2231("御見積書①.pdf", "application/pdf", files[0]),
            EncodedWord("請求書 2026年.pdf", "application/pdf", files[1]),
            RawName("shift_jis", "発注書.pdf", "application/pdf", files[2]),
            RawName("euc-jp", "納品書.pdf", "application/pdf", files[3]));

        await _s.AppendAsync("INBOX", mail);
        await _s.SyncAsync();

        var stored = await _s.StoredAsync(id);
        Assert.Equal(["御見積書①.pdf", "請求書 2026年.pdf", "発注書.pdf", "納品書.pdf"], stored.Attachments.Select(a => a.Name));
        var store = _s.Services.Get<IAttachmentStore>();
        for (var i = 0; i < files.Length; i++)
        {
            var listed = stored.Attachments[i];
            Assert.Null(listed.NotStored);
            Assert.Equal(files[i].Length, listed.Size);
            var file = Assert.IsType<StoredFile>(await store.FindAsync(listed.FileId!.Value, CancellationToken.None));
            Assert.Equal((stored.Id, i, listed.Name, "application/pdf"), (file.ImportedMailId!.Value, file.Position, file.FileName, file.ContentType));
            Assert.Equal(SHA256.HashData(files[i]), file.Sha256);
            await using var content = await store.OpenReadAsync(file.Id, CancellationToken.None);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(files[i], copy.ToArray());
        }
    }

    [Fact]
    public async Task Sync_AttachmentsOverThePerMailLimit_ListedWithTheReasonNotStored()
    {
        var id = RawMail.NewId();
        var mail = With(RawMail.Create(_customer, _s.Rep.Email, "attachments-limit", id), "大きな添付です。",
            Rfc2231("first.pdf", "application/pdf", Pdf(250_000, 5)),
            Rfc2231("too-big.pdf", "application/pdf", Pdf(100_000, 6)),
            Rfc2231("small.pdf", "application/pdf", Pdf(10_000, 7)));

        await _s.AppendAsync("INBOX", mail);
        await _s.SyncAsync();

        var listed = (await _s.StoredAsync(id)).Attachments;
        Assert.Equal(["first.pdf", "too-big.pdf", "small.pdf"], listed.Select(a => a.Name));
        Assert.NotNull(listed[0].FileId);
        Assert.Equal((null, AttachmentNotStored.TooLarge, 100_000L), (listed[1].FileId, listed[1].NotStored, listed[1].Size));
        Assert.NotNull(listed[2].FileId);
        Assert.Equal(2L, await _s.ScalarAsync<long>("SELECT count(*) FROM stored_files WHERE owner_user_id = @Id", new { _s.Rep.Id }));
    }

    [Fact]
    public async Task Sync_SameMailInInboxAndSentThenFullResync_FilesStoredOnce()
    {
        var id = RawMail.NewId();
        var mail = With(RawMail.Create(_customer, _s.Rep.Email, "attachments-once", id), "一度だけ。", Rfc2231("once.pdf", "application/pdf", Pdf(5_000, 8)));
        await _s.AppendAsync("INBOX", mail);
        await _s.AppendAsync("Sent", mail);

        await _s.SyncAsync();
        await _s.ExecuteAsync("DELETE FROM mail_import_cursors WHERE user_id = @Id", new { _s.Rep.Id });
        await _s.SyncAsync();
        await _s.SyncAsync();

        var stored = await _s.StoredAsync(id);
        Assert.NotNull(Assert.Single(stored.Attachments).FileId);
        Assert.Equal(1L, await _s.ScalarAsync<long>("SELECT count(*) FROM stored_files WHERE owner_user_id = @Id", new { _s.Rep.Id }));
    }

    [Fact]
    public async Task DeleteImportedMail_ItsFilesAndTheirContentGo()
    {
        var id = RawMail.NewId();
        await _s.AppendAsync("INBOX", With(RawMail.Create(_customer, _s.Rep.Email, "attachments-delete", id), "削除します。",
            Rfc2231("gone.pdf", "application/pdf", Pdf(300, 9)), Rfc2231("gone-too.pdf", "application/pdf", Pdf(150_000, 10))));
        await _s.SyncAsync();
        var stored = await _s.StoredAsync(id);
        var fileIds = stored.Attachments.Select(a => a.FileId!.Value).ToArray();

        Assert.True(await _s.Services.Get<DeleteImportedMailCommand>().DeleteAsync(_s.Rep, stored.Id, CancellationToken.None));

        Assert.Equal(0L, await _s.ScalarAsync<long>("SELECT count(*) FROM stored_files WHERE id = ANY(@fileIds)", new { fileIds }));
        Assert.Equal(0L, await _s.ScalarAsync<long>("SELECT count(*) FROM stored_file_chunks WHERE file_id = ANY(@fileIds)", new { fileIds }));
    }
}

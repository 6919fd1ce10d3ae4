using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Sending;
using Digima.Core.Timeline;
using Digima.Tests.Infrastructure.Timeline;

namespace Digima.Tests.Infrastructure.Attachments;

/// <summary>Who opens a stored file: decided by the mail it belongs to, every refusal a "not found".</summary>
public sealed class OpenAttachmentQueryTests : IAsyncLifetime
{
    private TimelineScenario _s = default!;
    private CurrentUser _rep = default!;
    private CurrentUser _colleague = default!;
    private CurrentUser _manager = default!;
    private Customer _customer = default!;

    public async Task InitializeAsync()
    {
        _s = await TimelineScenario.CreateAsync("open-attachment");
        _rep = await _s.AddRepAsync();
        _colleague = await _s.AddRepAsync();
        _manager = await _s.AddRepAsync(UserRole.Manager);
        _customer = await _s.AddCustomerAsync("開封");
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private IAttachmentStore Store => _s.Services.Get<IAttachmentStore>();

    [Fact]
    public async Task Open_FileOfImportedMail_ItsRepManagerAndColleagueRead_EachReadRecorded()
    {
        var (_, file) = await ImportedWithFileAsync();

        foreach (var actor in new[] { _rep, _manager, _colleague })
        {
            Assert.Equal([1, 2, 3], await ReadAsync(actor, file.Id));
        }

        var views = await _s.Services.Get<IMailPrivacyRepository>().ListBodyViewsAsync(50, CancellationToken.None);
        Assert.Equal(3, views.Count(v => v.MailId == file.ImportedMailId));
    }

    [Fact]
    public async Task Open_FileOfPrivateImportedMail_ColleagueNotFound_RepAndManagerRead()
    {
        var (mailId, file) = await ImportedWithFileAsync();
        await _s.Services.Get<SetMailPrivateCommand>().SetAsync(_rep, mailId, true, CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(_colleague, file.Id));
        Assert.Equal([1, 2, 3], await ReadAsync(_rep, file.Id));
        Assert.Equal([1, 2, 3], await ReadAsync(_manager, file.Id));
    }

    [Fact]
    public async Task Open_FileOfMailWrittenInApp_AuthorAndManagerRead_ColleagueNotFound()
    {
        var mail = await _s.SendAsync(_rep, "written-with-file", 1, [_customer]);
        var file = await SaveAsync(new NewStoredFile(_rep.Id, "提案書.pdf", "application/pdf", TimelineScenario.At(1)));
        Assert.Equal(1, await Store.AttachToOutgoingAsync([file.Id], _rep.Id, mail.Id, CancellationToken.None));

        Assert.Equal([1, 2, 3], await ReadAsync(_rep, file.Id));
        Assert.Equal([1, 2, 3], await ReadAsync(_manager, file.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(_colleague, file.Id));
    }

    [Fact]
    public async Task Open_LooseUpload_OwnerOnly_NotEvenAManager()
    {
        var file = await SaveAsync(new NewStoredFile(_rep.Id, "下書き.pdf", "application/pdf", TimelineScenario.At(1)));

        Assert.Equal([1, 2, 3], await ReadAsync(_rep, file.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(_colleague, file.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(_manager, file.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => ReadAsync(_rep, file.Id + 1_000_000));
    }

    [Fact]
    public async Task TimelineAndThread_MailWrittenInAppWithFile_ListedWithItsLink_PrivateMailOfColleagueWithoutFiles()
    {
        var mail = await _s.SendAsync(_rep, "listed-file", 1, [_customer]);
        var file = await SaveAsync(new NewStoredFile(_rep.Id, "提案書.pdf", "application/pdf", TimelineScenario.At(1)));
        await Store.AttachToOutgoingAsync([file.Id], _rep.Id, mail.Id, CancellationToken.None);
        var (importedId, _) = await ImportedWithFileAsync();
        await _s.Services.Get<SetMailPrivateCommand>().SetAsync(_rep, importedId, true, CancellationToken.None);
        var items = (await _s.Services.Get<ListTimelineQuery>().ListAsync(_colleague, _customer.Id, null, 10, CancellationToken.None)).Items;

        var written = items.Single(i => i.OutgoingMailId == mail.Id);
        var full = await _s.Services.Get<GetTimelineMailQuery>().GetAsync(_colleague, _customer.Id, written.Id, CancellationToken.None);
        var listed = Assert.Single(full.Attachments);
        Assert.Equal(("提案書.pdf", 3L, file.Id), (listed.Name, listed.Size, listed.FileId!.Value));
        var thread = await _s.Services.Get<GetThreadQuery>().GetAsync(_rep, _customer.Id, written.Id, CancellationToken.None);
        Assert.Equal(file.Id, Assert.Single(Assert.Single(thread).Attachments).FileId);

        var hidden = items.Single(i => i.ImportedMailId == importedId);
        Assert.True(hidden.IsHidden);
        var own = await _s.Services.Get<GetTimelineMailQuery>().GetAsync(_rep, _customer.Id, hidden.Id, CancellationToken.None);
        Assert.Equal("見積書.pdf", Assert.Single(own.Attachments).Name);
    }

    private async Task<(long MailId, StoredFile File)> ImportedWithFileAsync()
    {
        var messageId = $"{Guid.NewGuid():N}@customer.test";
        await _s.ImportAsync(_rep, _customer, messageId, "imported-with-file", 2, received: true);
        await using var connection = await _s.Services.Database.DataSource.OpenConnectionAsync();
        var mailId = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM imported_mails WHERE message_id = @messageId", new { messageId });
        var file = await SaveAsync(new NewStoredFile(_rep.Id, "見積書.pdf", "application/pdf", TimelineScenario.At(2)) { ImportedMailId = mailId });
        var listed = System.Text.Json.JsonSerializer.Serialize(new[] { new Digima.Core.MailImport.MailAttachment("見積書.pdf", 3) { FileId = file.Id } });
        await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE imported_mails SET attachments = CAST(@listed AS jsonb) WHERE id = @mailId", new { listed, mailId });
        return (mailId, file);
    }

    private async Task<StoredFile> SaveAsync(NewStoredFile file) =>
        (await Store.SaveAsync(file, new MemoryStream([1, 2, 3]), long.MaxValue, CancellationToken.None))!;

    private async Task<byte[]> ReadAsync(CurrentUser actor, long fileId)
    {
        var download = await _s.Services.Get<OpenAttachmentQuery>().OpenAsync(actor, fileId, CancellationToken.None);
        await using var content = download.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }
}

using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Attachments;

/// <summary>Uploads that no mail will carry do not stay in the database: a deleted draft's go with
/// it, and loose files no draft names are removed after two days.</summary>
public sealed class AbandonedUploadTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("abandoned");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IAttachmentStore Store => _services.Get<IAttachmentStore>();

    [Fact]
    public async Task DeleteDraft_ItsUploadsGo_OtherLooseFilesStay()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var inDraft = await UploadAsync(rep, "下書きの添付.pdf", _services.Clock.GetUtcNow());
        var elsewhere = await UploadAsync(rep, "別の添付.pdf", _services.Clock.GetUtcNow());
        var draft = await SaveDraftAsync(rep, inDraft);

        await _services.Get<DeleteDraftCommand>().DeleteAsync(rep, draft, CancellationToken.None);

        Assert.Null(await Store.FindAsync(inDraft.Id, CancellationToken.None));
        Assert.NotNull(await Store.FindAsync(elsewhere.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Sweep_OldLooseFilesNoDraftNames_Removed_TheRestKept()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var old = _services.Clock.GetUtcNow() - RemoveAbandonedUploadsCommand.Keep - TimeSpan.FromHours(1);
        var abandoned = await UploadAsync(rep, "放置.pdf", old);
        var drafted = await UploadAsync(rep, "下書き中.pdf", old);
        var recent = await UploadAsync(rep, "書きかけ.pdf", _services.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        // Named by another user's draft: that draft cannot send it, so it does not keep it.
        var namedByOther = await UploadAsync(rep, "他人の下書き.pdf", old);
        await SaveDraftAsync(rep, drafted);
        await SaveDraftAsync(other, namedByOther);

        var removed = await _services.Get<RemoveAbandonedUploadsCommand>().RunAsync(CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.Null(await Store.FindAsync(abandoned.Id, CancellationToken.None));
        Assert.Null(await Store.FindAsync(namedByOther.Id, CancellationToken.None));
        Assert.NotNull(await Store.FindAsync(drafted.Id, CancellationToken.None));
        Assert.NotNull(await Store.FindAsync(recent.Id, CancellationToken.None));
    }

    private async Task<StoredFile> UploadAsync(CurrentUser owner, string name, DateTimeOffset at) =>
        (await Store.SaveAsync(new NewStoredFile(owner.Id, name, "application/pdf", at), new MemoryStream([1, 2, 3]), 1000, CancellationToken.None))!;

    private async Task<long> SaveDraftAsync(CurrentUser owner, StoredFile file)
    {
        var content = new DraftContent { Input = new ComposeInput { Subject = "添付の件", Attachments = [ComposeAttachment.From(file)] } };
        var saved = await _services.Get<SaveDraftCommand>().SaveAsync(owner, null, 0, content, CancellationToken.None);
        Assert.Equal(DraftSaveStatus.Saved, saved.Status);
        return saved.Id;
    }
}

using System.Security.Cryptography;
using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Templates;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Templates;

public sealed class TemplateAttachmentTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("template-attachments");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IAttachmentStore Store => _services.Get<IAttachmentStore>();

    [Fact]
    public async Task Save_WithUpload_TemplateOwnsTheFileAndUsingItGivesTheUserACopy()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var colleague = await _services.AddUserAsync(UserRole.Rep);
        var content = RandomNumberGenerator.GetBytes(5000);
        var upload = await UploadAsync(owner, "会社案内.pdf", content);

        var shared = Input(upload);
        shared.IsShared = true;
        var id = await SaveAsync(owner, 0, shared);

        var kept = Assert.Single(await Store.ListForTemplateAsync(id, CancellationToken.None));
        Assert.Equal(upload.FileId, kept.Id);
        Assert.False(kept.IsLoose);
        var (_, copies) = await _services.Get<UseTemplateQuery>().UseAsync(colleague, id, CancellationToken.None);
        var copy = (await Store.FindAsync(Assert.Single(copies).FileId, CancellationToken.None))!;
        Assert.True(copy.IsLoose);
        Assert.Equal(colleague.Id, copy.OwnerUserId);
        Assert.Equal(SHA256.HashData(content), copy.Sha256);
        Assert.Single(await Store.ListForTemplateAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Save_EditWithoutTheFile_DeletesItAndTakesNoOtherRepsFile()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var first = await UploadAsync(owner, "旧資料.pdf", [1, 2]);
        var id = await SaveAsync(owner, 0, Input(first));
        var othersFile = await UploadAsync(other, "他人.pdf", [3]);

        await SaveAsync(owner, id, Input(othersFile));

        Assert.Empty(await Store.ListForTemplateAsync(id, CancellationToken.None));
        Assert.Null(await Store.FindAsync(first.FileId, CancellationToken.None));
        Assert.True((await Store.FindAsync(othersFile.FileId, CancellationToken.None))!.IsLoose);
    }

    [Fact]
    public async Task Use_AnotherRepsPersonalTemplate_NotFoundAndNothingCopied()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var id = await SaveAsync(owner, 0, Input(await UploadAsync(owner, "非公開.pdf", [9])));

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<UseTemplateQuery>().UseAsync(other, id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<ListTemplateAttachmentsQuery>().ListAsync(other, id, CancellationToken.None));
    }

    private static TemplateInput Input(ComposeAttachment file) => new()
    {
        Name = "資料送付", Subject = "資料のご送付", Body = "資料をお送りします。", Attachments = [file],
    };

    private async Task<long> SaveAsync(CurrentUser actor, long id, TemplateInput input)
    {
        var outcome = await _services.Get<SaveTemplateCommand>().SaveAsync(actor, id, input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value;
    }

    private async Task<ComposeAttachment> UploadAsync(CurrentUser owner, string name, byte[] content) =>
        ComposeAttachment.From((await Store.SaveAsync(new NewStoredFile(owner.Id, name, "application/pdf", _services.Clock.GetUtcNow()), new MemoryStream(content), long.MaxValue, CancellationToken.None))!);
}

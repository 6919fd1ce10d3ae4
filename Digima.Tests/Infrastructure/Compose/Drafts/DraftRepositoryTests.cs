using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Compose.Drafts;

/// <summary>The draft use cases over the real mail_drafts table: what goes in comes back whole,
/// a save from an older copy is refused, and a draft is only ever its author's.</summary>
public sealed class DraftRepositoryTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("drafts");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Save_LongMailWithEverySetting_LoadsBackWholeAndListed()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var content = Content("お見積りのご案内", new string('あ', 20_000));
        content.Input.Cc.Add(new ComposeRecipient(2, "cc@customer.test", "柊木 様"));
        content.Input.OpenTracking = true;
        content.Input.NotifyOnOpen = true;
        content.Input.InReplyTo = "original@customer.test";
        content.Input.References = ["first@customer.test", "original@customer.test"];
        content.Kind = DraftKind.Reply;
        content.SignatureOn = true;
        content.ReplyQuote = "\n\n> 引用";

        var saved = await _services.Get<SaveDraftCommand>().SaveAsync(rep, null, 0, content, CancellationToken.None);
        var loaded = await _services.Get<GetDraftQuery>().GetAsync(rep, saved.Id, CancellationToken.None);

        Assert.Equal((DraftSaveStatus.Saved, 1), (saved.Status, loaded.Version));
        Assert.Equal(DraftJson.Serialize(content), DraftJson.Serialize(loaded.Content));
        Assert.Equal(20_000, loaded.Content.Input.Body.Length);
        Assert.Equal("鷲尾 様", loaded.Content.Input.To.Single().DisplayName);
        var listed = Assert.Single((await _services.Get<ListDraftsQuery>().ListAsync(rep, 0, 10, CancellationToken.None)).Items);
        Assert.Equal((saved.Id, "お見積りのご案内", 1), (listed.Id, listed.Subject, listed.OtherRecipients));
        Assert.Equal(["鷲尾 様"], listed.ToNames);
    }

    [Fact]
    public async Task Save_FromOlderVersion_ConflictAndNewerKept()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveDraftCommand>();
        var first = await save.SaveAsync(rep, null, 0, Content("件名", "最初"), CancellationToken.None);
        var tabA = await save.SaveAsync(rep, first.Id, first.Version, Content("件名", "タブAの本文"), CancellationToken.None);

        var tabB = await save.SaveAsync(rep, first.Id, first.Version, Content("件名", "タブBの本文"), CancellationToken.None);

        Assert.Equal((DraftSaveStatus.Saved, 2), (tabA.Status, tabA.Version));
        Assert.Equal((DraftSaveStatus.Conflict, 2), (tabB.Status, tabB.Version));
        var stored = await _services.Get<GetDraftQuery>().GetAsync(rep, first.Id, CancellationToken.None);
        Assert.Equal(("タブAの本文", 2), (stored.Content.Input.Body, stored.Version));
    }

    [Fact]
    public async Task Draft_OtherRepOrManager_NotFoundAndUnchanged()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var draft = await _services.Get<SaveDraftCommand>().SaveAsync(rep, null, 0, Content("非公開", "本人だけ"), CancellationToken.None);

        foreach (var stranger in new[] { other, manager })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<GetDraftQuery>().GetAsync(stranger, draft.Id, CancellationToken.None));
            await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<DeleteDraftCommand>().DeleteAsync(stranger, draft.Id, CancellationToken.None));
            var save = await _services.Get<SaveDraftCommand>().SaveAsync(stranger, draft.Id, draft.Version, Content("乗っ取り", "上書き"), CancellationToken.None);
            Assert.Equal(DraftSaveStatus.NotFound, save.Status);
            Assert.Empty((await _services.Get<ListDraftsQuery>().ListAsync(stranger, 0, 10, CancellationToken.None)).Items);
        }

        var stored = await _services.Get<GetDraftQuery>().GetAsync(rep, draft.Id, CancellationToken.None);
        Assert.Equal(("本人だけ", 1), (stored.Content.Input.Body, stored.Version));
    }

    [Fact]
    public async Task Delete_OwnDraft_GoneAndLaterSaveNotFound()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveDraftCommand>();
        var draft = await save.SaveAsync(rep, null, 0, Content("消す", "本文"), CancellationToken.None);

        await _services.Get<DeleteDraftCommand>().DeleteAsync(rep, draft.Id, CancellationToken.None);

        Assert.Equal(DraftSaveStatus.NotFound, (await save.SaveAsync(rep, draft.Id, draft.Version, Content("消す", "後から"), CancellationToken.None)).Status);
        Assert.Empty((await _services.Get<ListDraftsQuery>().ListAsync(rep, 0, 10, CancellationToken.None)).Items);
    }

    private static DraftContent Content(string subject, string body) => new()
    {
        Input = new ComposeInput { To = [new ComposeRecipient(1, "washio@customer.test", "鷲尾 様")], Subject = subject, Body = body },
    };
}

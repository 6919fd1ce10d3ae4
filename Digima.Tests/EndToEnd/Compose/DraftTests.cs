using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;
using Digima.Core.Compose.Signatures;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>「下書き」 as the rep sees it: saved while typing and on leaving, never silently
/// overwritten from a second tab, listed on 個別メール, reopened as it was, and gone once the mail
/// is sent. The app killed mid-typing is in <see cref="DraftRestartTests"/>.</summary>
[Collection(AppCollection.Name)]
public sealed class DraftTests(AppFixture app)
{
    [Fact]
    public async Task Compose_LeftMidTyping_DraftSavedOnLeaving()
    {
        var rep = await app.AddConnectedRepAsync("離脱 保存");
        var customer = await app.AddCustomerAsync("離脱先");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");

        await page.GetByTestId("compose-subject").FillAsync("途中で離れたご案内");
        await page.GetByTestId("compose-body").FillAsync("書きかけの本文");
        // Within the autosave's pause: only the save on leaving can keep this.
        await page.EvaluateAsync("Blazor.navigateTo('/mail/individual?filter=drafts')");

        var drafts = await WaitListedAsync(rep, 1);
        var draft = await app.Get<GetDraftQuery>().GetAsync(rep.AsActor(), Assert.Single(drafts).Id, CancellationToken.None);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("draft-table").Locator("tbody tr").Filter(new() { HasText = "途中で離れたご案内" })).ToHaveCountAsync(1);
        Assert.Equal(("途中で離れたご案内", "書きかけの本文"), (draft.Content.Input.Subject, draft.Content.Input.Body));
    }

    [Fact]
    public async Task Draft_TwoTabs_LaterSaveShowsConflictAndLoadsNewer()
    {
        var rep = await app.AddConnectedRepAsync("二窓 担当");
        var customer = await app.AddCustomerAsync("二窓先");
        var tabA = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await tabA.GetByTestId("compose-subject").FillAsync("二つの画面のご案内");
        var draftId = await DraftScenario.WaitSavedAsync(tabA);
        var tabB = await tabA.Context.NewPageAsync();
        await tabB.GotoAsync($"/mail/compose?draft={draftId}");
        await AppFixture.WaitInteractiveAsync(tabB);
        await Assertions.Expect(tabB.GetByTestId("compose-subject")).ToHaveValueAsync("二つの画面のご案内");

        await tabA.GetByTestId("compose-body").FillAsync("画面Aで書いた本文");
        await DraftScenario.WaitStoredAsync(app.Get<GetDraftQuery>(), rep.AsActor(), draftId, d => d.Content.Input.Body == "画面Aで書いた本文");
        await tabB.GetByTestId("compose-body").FillAsync("画面Bで書いた本文");

        await Assertions.Expect(tabB.GetByTestId("draft-problem")).ToContainTextAsync("この下書きは別の画面で変更されました。");
        var stored = await app.Get<GetDraftQuery>().GetAsync(rep.AsActor(), draftId, CancellationToken.None);
        Assert.Equal("画面Aで書いた本文", stored.Content.Input.Body);
        await tabB.GetByTestId("draft-load-newer").ClickAsync();
        await Assertions.Expect(tabB.GetByTestId("draft-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(tabB.GetByTestId("compose-body")).ToHaveValueAsync("画面Aで書いた本文");
    }

    [Fact]
    public async Task DraftsFilter_OpenContinueDelete_OnlyOwnDraftsListed()
    {
        var rep = await app.AddConnectedRepAsync("一覧 担当");
        var other = await app.AddConnectedRepAsync("他人 担当");
        var customer = await app.AddCustomerAsync("一覧先");
        var othersDraft = await app.Get<SaveDraftCommand>().SaveAsync(other.AsActor(), null, 0, new DraftContent { Input = new() { Subject = "他人の下書き" } }, CancellationToken.None);
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("続きを書くご案内");
        var draftId = await DraftScenario.WaitSavedAsync(page);

        await page.GotoAsync("/mail/individual");
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("filter-drafts").ClickAsync();
        var row = page.GetByTestId("draft-table").Locator("tbody tr").Filter(new() { HasText = "続きを書くご案内" });
        await Assertions.Expect(row.GetByTestId("draft-to")).ToHaveTextAsync("一覧先");
        await Assertions.Expect(page.GetByText("他人の下書き")).ToHaveCountAsync(0);
        await row.GetByTestId("draft-open").ClickAsync();
        await AppFixture.WaitForUrlAsync(page, $"**/mail/compose?draft={draftId}");
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("続きを書くご案内");
        await page.GetByTestId("compose-body").FillAsync("続きの本文");
        await DraftScenario.WaitStoredAsync(app.Get<GetDraftQuery>(), rep.AsActor(), draftId, d => d.Content.Input.Body == "続きの本文");

        await page.GotoAsync("/mail/individual?filter=drafts");
        await AppFixture.WaitInteractiveAsync(page);
        await row.GetByTestId("draft-delete").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("この下書きを削除しますか？");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "削除" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("draft-empty")).ToBeVisibleAsync();
        Assert.Empty((await app.Get<ListDraftsQuery>().ListAsync(rep.AsActor(), 0, 10, CancellationToken.None)).Items);

        // Another rep's draft by its address: not shown, not changed.
        await page.GotoAsync($"/mail/compose?draft={othersDraft.Id}");
        await Assertions.Expect(page.GetByTestId("compose-not-found")).ToBeVisibleAsync();
        Assert.Single((await app.Get<ListDraftsQuery>().ListAsync(other.AsActor(), 0, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task SendNow_FromSavedDraft_DraftGone()
    {
        var rep = await app.AddConnectedRepAsync("送信 下書き");
        var customer = await app.AddCustomerAsync("送信先");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("下書きから送るご案内");
        await page.GetByTestId("compose-body").FillAsync("送信先様\nよろしくお願いいたします。");
        await DraftScenario.WaitSavedAsync(page);
        Assert.Single(await WaitListedAsync(rep, 1));

        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);

        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);
        Assert.Empty(await WaitListedAsync(rep, 0));
        Assert.Single(await ComposeScenario.MailsOfAsync(app, rep));
    }

    [Fact]
    public async Task Schedule_FromSavedDraft_DraftGoneFromDraftsFilter()
    {
        var rep = await app.AddConnectedRepAsync("予約 下書き");
        var customer = await app.AddCustomerAsync("予約先");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("下書きから予約するご案内");
        await page.GetByTestId("compose-body").FillAsync("予約先様\nよろしくお願いいたします。");
        await DraftScenario.WaitSavedAsync(page);

        await page.GetByTestId("schedule-send").ClickAsync();
        await page.GetByTestId("send-at-business-day").ClickAsync();
        await page.GetByTestId("schedule-confirm").ClickAsync();

        await AppFixture.WaitForUrlAsync(page, "**/mail/individual?filter=scheduled", 30_000);
        await AppFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("filter-drafts").ClickAsync();
        await Assertions.Expect(page.GetByTestId("draft-empty")).ToBeVisibleAsync();
        Assert.Empty(await WaitListedAsync(rep, 0));
    }

    [Fact]
    public async Task ReplyDraft_Reopened_KeepsReplyThreadAndSignatureSwitch()
    {
        var rep = await app.AddConnectedRepAsync("返信 下書き");
        var customer = await app.AddCustomerAsync("返信先");
        Assert.True((await app.Get<SaveSignatureCommand>().SaveAsync(rep.AsActor(), "営業部 返信太郎", CancellationToken.None)).Succeeded);
        var first = new ComposeInput { Subject = "最初のご案内", Body = "返信先様\nご確認ください。", To = [new ComposeRecipient(customer.Id, customer.Email, customer.FullName)] };
        var mailId = (await app.Get<SendMailCommand>().SendNowAsync(rep.AsActor(), first, CancellationToken.None)).Value;
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?replySent={mailId}");
        var body = page.GetByTestId("compose-body");
        var signatureSwitch = page.GetByRole(AriaRole.Switch, new() { Name = "署名を挿入" });

        await signatureSwitch.ClickAsync();
        await Assertions.Expect(signatureSwitch).Not.ToBeCheckedAsync();
        await body.FocusAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.InsertTextAsync("ご返信いたします。");
        var draftId = await DraftScenario.WaitSavedAsync(page);
        var typed = await body.InputValueAsync();
        var stored = await DraftScenario.WaitStoredAsync(app.Get<GetDraftQuery>(), rep.AsActor(), draftId, d => d.Content.Input.Body == typed);

        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("返信を作成");
        await Assertions.Expect(page.GetByTestId("compose-subject")).ToHaveValueAsync("Re: 最初のご案内");
        await Assertions.Expect(body).ToHaveValueAsync(typed);
        await Assertions.Expect(signatureSwitch).Not.ToBeCheckedAsync();
        var sent = (await app.Get<IOutgoingMailRepository>().GetAsync(mailId, CancellationToken.None))!;
        Assert.Equal(sent.MessageId, stored.Content.Input.InReplyTo);

        // The quote came back with the draft: the signature goes above it, not at the end.
        await signatureSwitch.ClickAsync();
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ご返信いたします。\n\n営業部 返信太郎\n\n.*さんは書きました", System.Text.RegularExpressions.RegexOptions.Singleline));
    }

    /// <summary>The rep's drafts once there are <paramref name="count"/> (a save on leaving finishes after the page moved on).</summary>
    private async Task<IReadOnlyList<DraftSummary>> WaitListedAsync(User rep, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var drafts = (await app.Get<ListDraftsQuery>().ListAsync(rep.AsActor(), 0, 10, CancellationToken.None)).Items;
            if (drafts.Count == count || DateTime.UtcNow > deadline)
            {
                return drafts;
            }

            await Task.Delay(200);
        }
    }
}

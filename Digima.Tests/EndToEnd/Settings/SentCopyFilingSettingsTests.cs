using Digima.Core.Mailboxes;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Settings;

/// <summary>「メールボックス連携」 says who saves the copies of sent mail in Sent, next to the folder.</summary>
[Collection(AppCollection.Name)]
public sealed class SentCopyFilingSettingsTests(AppFixture app)
{
    [Fact]
    public async Task Rep_SeesUnknownUntilTheFirstSend_ThenThatTheServerSavesCopies()
    {
        var rep = await app.AddConnectedRepAsync("控え 花子");
        var page = await app.OpenSignedInAsync(rep.Email, "/settings/mailbox");

        await Assertions.Expect(page.GetByTestId("mailbox-sent-copies")).ToHaveTextAsync("送信済みフォルダへの保存: 未確認（最初の送信で確認します）");

        // What the first send learns about a server that files sent mail itself (its own tests send).
        var connection = await app.Get<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None);
        Assert.True(await app.Get<IMailboxRepository>().RememberSentCopiesAsync(connection!, SentCopyFiling.ByServer, CancellationToken.None));
        await page.ReloadAsync();
        await AppFixture.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("mailbox-sent-copies")).ToHaveTextAsync("送信済みフォルダへの保存: メールサーバーが自動で保存");
    }
}

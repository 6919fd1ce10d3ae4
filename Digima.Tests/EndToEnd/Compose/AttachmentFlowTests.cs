using System.Security.Cryptography;
using Digima.Core.Attachments;
using Digima.Tests.Support;
using Microsoft.Playwright;
using static Digima.Tests.EndToEnd.Compose.ComposeScenario;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>The app with a small attachment total (293 KB), to reach it with small files.</summary>
public sealed class SmallAttachmentLimitAppFixture() : AppFixture(new Dictionary<string, string?>
{
    ["Digima:Attachments:MaxTotalBytes"] = "300000",
});

public sealed class AttachmentFlowTests(SmallAttachmentLimitAppFixture app) : IClassFixture<SmallAttachmentLimitAppFixture>
{
    private const string JapaneseName = "御見積書_2026年度.pdf";

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Rep_AttachesByButtonAndDrop_RemovesOneHitsTheLimit_CustomerGetsTheFileAndDuplicateCarriesIt()
    {
        var rep = await app.AddConnectedRepAsync("添付 送信");
        var customer = await app.AddCustomerAsync("綾瀬", company: "株式会社あやせ");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.GetByTestId("compose-subject").FillAsync("お見積書の送付");
        await page.GetByTestId("compose-body").FillAsync("お見積書をお送りいたします。ご確認ください。");
        var pdf = RandomNumberGenerator.GetBytes(120_000);

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("attach-button").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = JapaneseName, MimeType = "application/pdf", Buffer = pdf });
        var quote = page.GetByTestId("attachment").Filter(new() { HasText = JapaneseName });
        await Assertions.Expect(quote.GetByTestId("attachment-size")).ToHaveTextAsync("118 KB");
        await Assertions.Expect(quote.GetByTestId("attachment-type")).ToHaveTextAsync("application/pdf");

        await DropFileAsync(page, "メモ.txt", 50_000, "text/plain");
        var memo = page.GetByTestId("attachment").Filter(new() { HasText = "メモ.txt" });
        await Assertions.Expect(memo.GetByTestId("attachment-size")).ToHaveTextAsync("49 KB");
        await Assertions.Expect(memo.GetByTestId("attachment-type")).ToHaveTextAsync("text/plain");
        var memoId = long.Parse((await memo.GetAttributeAsync("data-file-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await memo.GetByTestId("attachment-remove").ClickAsync();
        await Assertions.Expect(page.GetByTestId("attachment")).ToHaveCountAsync(1);
        Assert.Null(await app.Get<IAttachmentStore>().FindAsync(memoId, CancellationToken.None));

        var tooMuch = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("attach-button").ClickAsync());
        await tooMuch.SetFilesAsync(new FilePayload { Name = "図面.zip", MimeType = "application/zip", Buffer = new byte[250_000] });
        await Assertions.Expect(page.GetByTestId("attachment-error")).ToHaveTextAsync("添付ファイルは合計293 KBまでです（現在 362 KB）");
        await Assertions.Expect(page.GetByTestId("attachment")).ToHaveCountAsync(1);
        await Assertions.Expect(quote).ToBeVisibleAsync();
        await AppFixture.ScreenshotAsync(page, "compose-attachments");

        await page.GetByTestId("send-now").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-attachments")).ToHaveTextAsync($"{JapaneseName} (118 KB)");
        await ConfirmAsync(page);
        await AppFixture.OrScreenshotAsync(page, "attachment-send-failure", () => AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000));
        var sent = (await MailsOfAsync(app, rep)).Single();
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId));
        var part = Assert.IsType<MimeKit.MimePart>(Assert.Single(received.Attachments));
        Assert.Equal(JapaneseName, part.FileName);
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes);
        Assert.Equal(pdf, bytes.ToArray());

        await page.GotoAsync($"/mail/compose?duplicateSent={sent.Id}");
        await AppFixture.WaitInteractiveAsync(page);
        var copy = page.GetByTestId("attachment").Filter(new() { HasText = JapaneseName });
        await Assertions.Expect(copy.GetByTestId("attachment-size")).ToHaveTextAsync("118 KB");
        Assert.NotEqual((await app.Get<IAttachmentStore>().ListForOutgoingAsync(sent.Id, CancellationToken.None)).Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await copy.GetAttributeAsync("data-file-id"));
    }

    [Fact]
    public async Task Rep_UsesTemplateWithFile_ComposeListsACopyAndTheTemplateKeepsItsOwn()
    {
        var rep = await app.AddConnectedRepAsync("添付 テンプレ");
        var store = app.Get<IAttachmentStore>();
        var file = await store.SaveAsync(new Digima.Core.Attachments.NewStoredFile(rep.Id, "会社案内.pdf", "application/pdf", DateTimeOffset.UtcNow),
            new MemoryStream(new byte[3000]), long.MaxValue, CancellationToken.None);
        var name = $"会社案内つき {Guid.NewGuid():N}"[..16];
        var input = new Digima.Core.Templates.TemplateInput { Name = name, Subject = "会社案内の送付", Body = "会社案内をお送りします。", Attachments = [Digima.Core.Compose.ComposeAttachment.From(file!)] };
        var saved = await app.Get<Digima.Core.Templates.SaveTemplateCommand>().SaveAsync(rep.AsActor(), 0, input, CancellationToken.None);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");

        await page.GetByTestId("template-use").ClickAsync();
        var picker = page.GetByTestId("template-picker");
        await picker.GetByTestId("template-picker-search").FillAsync(name);
        await Assertions.Expect(picker.GetByTestId("template-picker-row")).ToHaveCountAsync(1);
        await picker.GetByTestId("template-select").ClickAsync();
        await Assertions.Expect(picker).ToHaveCountAsync(0);

        var chip = page.GetByTestId("attachment").Filter(new() { HasText = "会社案内.pdf" });
        await Assertions.Expect(chip.GetByTestId("attachment-size")).ToHaveTextAsync("3 KB");
        Assert.NotEqual(file!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await chip.GetAttributeAsync("data-file-id"));
        await chip.GetByTestId("attachment-remove").ClickAsync();
        await Assertions.Expect(page.GetByTestId("attachment")).ToHaveCountAsync(0);
        Assert.Single(await store.ListForTemplateAsync(saved.Value, CancellationToken.None));
    }

    [Fact]
    public async Task Upload_SignedOutOrWithoutTheToken_RefusedAndNothingStored()
    {
        var rep = await app.AddConnectedRepAsync("添付 拒否");
        var signedOut = await app.NewPageAsync();
        var signedIn = await app.OpenSignedInAsync(rep.Email, "/mail/compose");
        var body = new byte[1000];

        var anonymous = await signedOut.Context.APIRequest.PostAsync("/attachments?name=a.txt", new() { DataByte = body, MaxRedirects = 0 });
        var forged = await signedIn.Context.APIRequest.PostAsync("/attachments?name=b.txt", new() { DataByte = body, MaxRedirects = 0 });

        Assert.False(anonymous.Ok);
        Assert.Equal(400, forged.Status);
        await using var connection = await app.Database.DataSource.OpenConnectionAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM stored_files WHERE file_name IN ('a.txt', 'b.txt')", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    /// <summary>What a browser does when a file from the desktop is dropped on the compose card.</summary>
    private static Task DropFileAsync(IPage page, string name, int size, string type) => page.EvaluateAsync(
        """
        ([name, size, type]) => {
          const card = document.getElementById('compose-card');
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(size)], name, { type }));
          card.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
          card.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }
        """,
        new object[] { name, size, type });
}

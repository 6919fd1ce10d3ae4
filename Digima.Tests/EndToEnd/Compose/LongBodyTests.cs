using System.Text;
using Digima.Core.Compose;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>Bodies up to <see cref="ComposeInputValidator.MaxBodyLength"/> survive the browser:
/// every keystroke sends the whole body to the server, so the circuit must accept a message that
/// large, and the customer receives every character.</summary>
[Collection(AppCollection.Name)]
public sealed class LongBodyTests(AppFixture app)
{
    [Fact]
    public async Task Compose_PastesJapaneseBodyNearTheLimitThenTypes_CustomerReceivesItIntact()
    {
        var typed = "追記です。";
        var pasted = JapaneseText(ComposeInputValidator.MaxBodyLength - typed.Length - 10);
        await SendAndCheckAsync("長文 和文", pasted, typed);
    }

    [Fact]
    public async Task Compose_PastesLatinBodyThenTypesPastTheOldDrop_CustomerReceivesItIntact()
    {
        // The circuit used to drop between 16,000 and 20,000 Latin characters; the typing crosses
        // 20,000, and every key typed while the server works on the long body must arrive.
        var pasted = LatinText(19_700);
        var typed = new string('x', 200) + " Best regards," + new string('y', 200);
        await SendAndCheckAsync("長文 英文", pasted, typed);
    }

    private async Task SendAndCheckAsync(string repName, string pasted, string typed)
    {
        var rep = await app.AddConnectedRepAsync(repName);
        var customer = await app.AddCustomerAsync("長文");
        var page = await app.OpenSignedInAsync(rep.Email, $"/mail/compose?to={customer.Id}");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByTestId("compose-subject").FillAsync("長い本文のテスト");

        var body = page.Locator("#compose-body");
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", pasted);
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+V");
        await Assertions.Expect(body).ToHaveValueAsync(pasted);
        await body.PressSequentiallyAsync(typed, new() { Timeout = 120_000 });

        var expected = pasted + typed;
        // The preview shows what the server holds: it ends with the last keystroke only once every
        // message reached the circuit.
        var tail = expected[^40..].Replace("\n", " ", StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("preview-body")).ToContainTextAsync(tail.Trim(), new() { Timeout = 60_000 });
        await Assertions.Expect(body).ToHaveValueAsync(expected);
        await page.GetByTestId("send-now").ClickAsync();
        await ComposeScenario.ConfirmAsync(page);
        await AppFixture.WaitForUrlAsync(page, "**/mail/individual", 30_000);

        var sent = (await ComposeScenario.MailsOfAsync(app, rep)).Single();
        var received = Assert.Single(await MailboxReader.WaitForAsync(customer.Email, sent.MessageId, timeout: TimeSpan.FromSeconds(60)));
        Assert.Equal(Normalize(expected), Normalize(received.TextBody ?? ""));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    /// <summary>Lines of Japanese prose, as a rep pastes from a document.</summary>
    private static string JapaneseText(int length)
    {
        const string line = "平素より格別のご高配を賜り、厚く御礼申し上げます。下記のとおりご案内いたします。";
        return Fill(length, line);
    }

    private static string LatinText(int length)
    {
        const string line = "Thank you for your continued support. Please find the details of our proposal below.";
        return Fill(length, line);
    }

    private static string Fill(int length, string line)
    {
        var text = new StringBuilder(length + line.Length);
        var n = 0;
        while (text.Length < length)
        {
            text.Append(n++.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(line).Append('\n');
        }

        return text.ToString(0, length);
    }
}

using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>The 宛先 list before and while the rep types (R4, R5).</summary>
[Collection(AppCollection.Name)]
public sealed class RecipientListTests(AppFixture app)
{
    [Fact]
    public async Task To_ClickedEmpty_SaysWhatToTypeNotThatNobodyMatches()
    {
        var rep = await app.AddConnectedRepAsync("宛先 案内");
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");

        await page.GetByTestId("recipient-input-to").ClickAsync();

        await Assertions.Expect(page.GetByTestId("recipient-hint")).ToHaveTextAsync("顧客の姓・名・ふりがな（ローマ字でも）・会社名・メールアドレスの一部を入力してください。");
        await Assertions.Expect(page.GetByText("該当する顧客がいません", new() { Exact = false })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task To_MoreMatchesThanShown_ListSaysThereAreMore()
    {
        var rep = await app.AddConnectedRepAsync("宛先 多数");
        var company = $"zq{Guid.NewGuid():N}"[..10];
        await app.Get<ICustomerRepository>().InsertAllAsync(
            Enumerable.Range(1, SearchRecipientsQuery.MaxResults + 2)
                .Select(i => new Customer { LastName = $"多数{i}", Email = $"m{i}.{company}@customer.test", Company = company }).ToList(),
            CancellationToken.None);
        var page = await app.OpenSignedInAsync(rep.Email, "/mail/compose");

        await page.GetByTestId("recipient-input-to").FillAsync(company);

        await Assertions.Expect(page.Locator(".recipient-option")).ToHaveCountAsync(SearchRecipientsQuery.MaxResults);
        await Assertions.Expect(page.GetByTestId("recipient-more")).ToContainTextAsync("ほかにも該当する顧客がいます");

        await page.GetByTestId("recipient-input-to").FillAsync($"m1.{company}");
        await Assertions.Expect(page.Locator(".recipient-option")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("recipient-more")).ToHaveCountAsync(0);
    }
}

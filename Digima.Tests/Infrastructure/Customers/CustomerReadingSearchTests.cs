using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Infrastructure.Customers;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Customers;

/// <summary>Romaji and 会社名カナ in the customer list and the recipient search, on PostgreSQL.
/// Emails and company names are chosen so that only a reading can match the queries.</summary>
public sealed class CustomerReadingSearchTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("readings");
        _rep = await _services.AddUserAsync(UserRole.Rep);
        await _services.Get<ICustomerRepository>().InsertAllAsync(
        [
            Customer("佐藤", "太郎", "サトウ", "タロウ", "c1@a.test", "", ""),
            Customer("大野", "健一", "オオノ", "ケンイチ", "c2@b.test", "雲雀通信株式会社", "ヒバリツウシン"),
            Customer("清水", "翔", "シミズ", "ショウ", "c3@c.test", "", ""),
            Customer("土屋", "翔太", "ツチヤ", "ショウタ", "c4@d.test", "", ""),
            Customer("加藤", "一郎", "カトウ", "イチロウ", "c5@e.test", "", ""),
        ], CancellationToken.None);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData("sato", new[] { "c1@a.test" })]
    [InlineData("satou", new[] { "c1@a.test" })]
    [InlineData("satō", new[] { "c1@a.test" })]
    [InlineData("SATOH", new[] { "c1@a.test" })]
    [InlineData("sato taro", new[] { "c1@a.test" })]
    [InlineData("taro", new[] { "c1@a.test" })]
    [InlineData("ohno", new[] { "c2@b.test" })]
    [InlineData("oono", new[] { "c2@b.test" })]
    [InlineData("ken'ichi", new[] { "c2@b.test" })]
    [InlineData("sh", new[] { "c3@c.test", "c4@d.test" })]
    [InlineData("si", new[] { "c3@c.test" })]
    [InlineData("ts", new[] { "c4@d.test" })]
    [InlineData("tutiya", new[] { "c4@d.test" })]
    [InlineData("hibari", new[] { "c2@b.test" })]
    [InlineData("ひばり", new[] { "c2@b.test" })]
    [InlineData("ﾋﾊﾞﾘ", new[] { "c2@b.test" })]
    [InlineData("kato", new[] { "c5@e.test" })]
    [InlineData("sa", new[] { "c1@a.test" })]
    [InlineData("xyz", new string[0])]
    public async Task Search_RomajiOrCompanyReading_FindsTheCustomersWhoseReadingStartsWithIt(string query, string[] expected)
    {
        var list = await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch(query, 0, 50), CancellationToken.None);
        var recipients = await _services.Get<SearchRecipientsQuery>().SearchAsync(_rep, query, CancellationToken.None);

        Assert.Equal(expected.Order(), list.Items.Select(c => c.Email).Order());
        Assert.Equal(expected.Order(), recipients.Select(m => m.Email).Order());
    }

    [Fact]
    public async Task SearchRecipients_Romaji_SurnameBeforeGivenName()
    {
        // ショウ and ショウタ are given names; シミズ starts with "sh" as a surname and ranks first.
        var found = await _services.Get<SearchRecipientsQuery>().SearchAsync(_rep, "sh", CancellationToken.None);

        Assert.Equal(["c3@c.test", "c4@d.test"], found.Select(m => m.Email));
    }

    [Fact]
    public async Task Update_ChangedKana_ChangesTheReading()
    {
        var repository = _services.Get<ICustomerRepository>();
        var kato = (await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch("c5@", 0, 1), CancellationToken.None)).Items[0];

        await repository.UpdateAsync(kato with { LastNameKana = "カドウ" }, kato.UpdatedAt, CancellationToken.None);

        Assert.Empty(await _services.Get<SearchRecipientsQuery>().SearchAsync(_rep, "kato", CancellationToken.None));
        Assert.Single(await _services.Get<SearchRecipientsQuery>().SearchAsync(_rep, "kadou", CancellationToken.None));
    }

    [Fact]
    public async Task Backfill_CustomersSavedBeforeReadings_GetThem()
    {
        await using (var connection = await _services.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE customers SET search_reading = ''");
        }

        Assert.Empty(await _services.Get<SearchRecipientsQuery>().SearchAsync(_rep, "ohno", CancellationToken.None));

        await _services.Get<CustomerReadingBackfill>().RunAsync(CancellationToken.None);

        Assert.Equal("c2@b.test", Assert.Single(await _services.Get<SearchRecipientsQuery>().SearchAsync(_rep, "ohno", CancellationToken.None)).Email);
    }

    private static Customer Customer(string last, string first, string lastKana, string firstKana, string email, string company, string companyKana) =>
        TestCustomers.New(last, first, lastKana, firstKana, email, company) with { CompanyKana = companyKana };
}

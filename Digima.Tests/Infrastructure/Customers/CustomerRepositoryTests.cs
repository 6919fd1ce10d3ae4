using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Customers;

public sealed class CustomerRepositoryTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("custrepo");
        _rep = await _services.AddUserAsync(UserRole.Rep);
        var customers = _services.Get<ICustomerRepository>();
        await customers.InsertAllAsync(
        [
            TestCustomers.New("佐藤", "太郎", "サトウ", "タロウ", "t.sato@sakura.test", "株式会社さくら精機"),
            TestCustomers.New("佐々木", "花子", "ササキ", "ハナコ", "h.sasaki@toto.test", "東都ロジスティクス株式会社"),
            TestCustomers.New("加藤", "一郎", "カトウ", "イチロウ", "ichiro@kato.test", "合同会社佐藤ラボ"),
            TestCustomers.New("田中", "美咲", "タナカ", "ミサキ", "misaki_tanaka@ex.test", "100%商事"),
        ], CancellationToken.None);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData("佐藤", new[] { "t.sato@sakura.test", "ichiro@kato.test" })]
    [InlineData("佐", new[] { "t.sato@sakura.test", "h.sasaki@toto.test", "ichiro@kato.test" })]
    [InlineData("佐藤太郎", new[] { "t.sato@sakura.test" })]
    [InlineData("佐藤 太郎", new[] { "t.sato@sakura.test" })]
    [InlineData("さとう", new[] { "t.sato@sakura.test" })]
    [InlineData("ｻﾄｳ ﾀﾛｳ", new[] { "t.sato@sakura.test" })]
    [InlineData("さくら", new[] { "t.sato@sakura.test" })]
    [InlineData("H.SASAKI", new[] { "h.sasaki@toto.test" })]
    [InlineData("ミサキ", new[] { "misaki_tanaka@ex.test" })]
    [InlineData("100%", new[] { "misaki_tanaka@ex.test" })]
    [InlineData("_", new[] { "misaki_tanaka@ex.test" })]
    [InlineData("鈴木", new string[0])]
    public async Task Search_JapaneseAndLatinQueries_FindMatchingCustomers(string query, string[] expectedEmails)
    {
        var page = await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch(query, 0, 50), CancellationToken.None);

        Assert.Equal(expectedEmails.Order(), page.Items.Select(c => c.Email).Order());
        Assert.Equal(expectedEmails.Length, page.TotalCount);
    }

    [Fact]
    public async Task Search_PrefixMatchRanksBeforeInfix()
    {
        var page = await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch("佐藤", 0, 50), CancellationToken.None);

        // 佐藤 太郎 starts with the text; 合同会社佐藤ラボ only contains it.
        Assert.Equal(["t.sato@sakura.test", "ichiro@kato.test"], page.Items.Select(c => c.Email));
    }

    [Fact]
    public async Task Search_Paging_ReturnsPageAndTotal()
    {
        var search = _services.Get<SearchCustomersQuery>();
        var first = await search.SearchAsync(_rep, new CustomerSearch(null, 0, 3), CancellationToken.None);
        var second = await search.SearchAsync(_rep, new CustomerSearch("", 3, 3), CancellationToken.None);

        Assert.Equal(3, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Equal(4, first.TotalCount);
        Assert.Empty(first.Items.Select(c => c.Id).Intersect(second.Items.Select(c => c.Id)));
    }

    [Fact]
    public async Task Insert_EmailDiffersOnlyInCase_ThrowsDuplicate()
    {
        var customers = _services.Get<ICustomerRepository>();

        await Assert.ThrowsAsync<DuplicateEmailException>(() =>
            customers.InsertAsync(TestCustomers.New("別", "人", "", "", "T.Sato@Sakura.test", ""), CancellationToken.None));
    }

    [Fact]
    public async Task Update_ChangesFieldsAndSearchText()
    {
        var customers = _services.Get<ICustomerRepository>();
        var id = await customers.InsertAsync(TestCustomers.New("山田", "次郎", "ヤマダ", "ジロウ", "jiro@yamada.test", "旧社名"), CancellationToken.None);
        var loaded = await customers.GetAsync(id, CancellationToken.None);

        await customers.UpdateAsync(loaded! with { Company = "新社名株式会社", OwnerUserId = _rep.Id }, loaded.UpdatedAt, CancellationToken.None);

        var updated = await customers.GetAsync(id, CancellationToken.None);
        Assert.Equal("新社名株式会社", updated!.Company);
        Assert.Equal(_rep.DisplayName, updated.OwnerName);
        var found = await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch("新社名", 0, 10), CancellationToken.None);
        Assert.Equal(id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task InsertAll_OneDuplicate_InsertsNothing()
    {
        var customers = _services.Get<ICustomerRepository>();

        await Assert.ThrowsAsync<DuplicateEmailException>(() => customers.InsertAllAsync(
        [
            TestCustomers.New("新規", "一", "", "", "new1@x.test", ""),
            TestCustomers.New("重複", "二", "", "", "t.sato@sakura.test", ""),
        ], CancellationToken.None));

        var page = await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch("new1@", 0, 10), CancellationToken.None);
        Assert.Empty(page.Items);
    }
}

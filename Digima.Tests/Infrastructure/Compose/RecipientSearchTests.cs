using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Compose;

public sealed class RecipientSearchTests(RecipientSearchFixture fixture) : IClassFixture<RecipientSearchFixture>
{
    [Theory]
    [InlineData("佐", new[] { "t.sato@sakura.test", "h.sasaki@toto.test", "ichiro@kato.test" })]
    [InlineData("ササ", new[] { "h.sasaki@toto.test" })]
    [InlineData("さとう", new[] { "t.sato@sakura.test" })]
    [InlineData("ｻﾄｳ ﾀﾛｳ", new[] { "t.sato@sakura.test" })]
    [InlineData("佐藤太郎", new[] { "t.sato@sakura.test" })]
    [InlineData("佐藤 太郎", new[] { "t.sato@sakura.test" })]
    [InlineData("ロジ", new[] { "h.sasaki@toto.test" })]
    [InlineData("ロジスティクス", new[] { "h.sasaki@toto.test" })]
    [InlineData("t.sato@s", new[] { "t.sato@sakura.test" })]
    [InlineData("kura.test", new[] { "t.sato@sakura.test" })]
    [InlineData("sato@sakura", new[] { "t.sato@sakura.test" })]
    [InlineData("_tanaka@ex.", new[] { "misaki_tanaka@ex.test" })]
    [InlineData("o@ex", new[] { "aki_to@ex.test", "akixto@ex.test" })]
    [InlineData("smith", new[] { "j.smith@acme.test" })]
    [InlineData("JO", new[] { "j.smith@acme.test" })]
    [InlineData("acme corp", new[] { "j.smith@acme.test" })]
    [InlineData("%", new[] { "misaki_tanaka@ex.test" })]
    [InlineData("0%商", new[] { "misaki_tanaka@ex.test" })]
    [InlineData("i_t", new[] { "misaki_tanaka@ex.test", "aki_to@ex.test" })]
    [InlineData("阿", new[] { "makoto@abe.test" })]
    [InlineData("タ", new[] { "misaki_tanaka@ex.test", "t.sato@sakura.test", "akixto@ex.test" })]
    [InlineData("鈴木翔太", new[] { "akixto@ex.test" })]
    [InlineData("存在しない", new string[0])]
    public async Task Search_Query_FindsExactlyTheCustomersContainingIt(string query, string[] expectedEmails)
    {
        var found = await fixture.SearchAsync(query);

        Assert.Equal(expectedEmails.Order(), found.Select(m => m.Email).Order());
    }

    [Fact]
    public async Task Search_PrefixMatches_RankBeforeInfixMatches()
    {
        // 佐藤 太郎 starts with 佐藤; 合同会社佐藤ラボ only contains it.
        Assert.Equal(["t.sato@sakura.test", "ichiro@kato.test"], (await fixture.SearchAsync("佐藤")).Select(m => m.Email));

        // タナカミサキ and タロウ start with タ (smallest key first); ショウタ only contains it.
        Assert.Equal(["misaki_tanaka@ex.test", "t.sato@sakura.test", "akixto@ex.test"], (await fixture.SearchAsync("タ")).Select(m => m.Email));
    }

    [Fact]
    public async Task Search_ExactKey_RanksBeforeLongerKeys()
    {
        // Given name 翔 equals the text; 翔太 only starts with it.
        Assert.Equal(["aki_to@ex.test", "akixto@ex.test"], (await fixture.SearchAsync("翔")).Select(m => m.Email));
    }

    [Fact]
    public async Task Search_OneKana_SurnamesRankAboveGivenNames()
    {
        // ミヨシ is a surname, ミサキ a given name (of タナカ): the surname first, though ミサ < ミヨ;
        // スミス only contains ミ and comes last.
        string[] expected = ["k.miyoshi@ex.test", "misaki_tanaka@ex.test", "j.smith@acme.test"];
        Assert.Equal(expected, (await fixture.SearchAsync("ミ")).Select(m => m.Email));
        Assert.Equal(expected, (await fixture.SearchAsync("み")).Select(m => m.Email));
    }

    [Fact]
    public async Task Search_ManyMatches_ReturnsTenAndOneMoreWithNameCompanyAndEmail()
    {
        var found = await fixture.SearchAsync("業");

        // The list shows ten; the eleventh only tells it that there are more.
        Assert.Equal(SearchRecipientsQuery.MaxResults + 1, found.Count);
        Assert.All(found, m => Assert.Equal(RecipientSearchFixture.FillerCompany, m.Company));
        Assert.Equal(found.Count, found.Select(m => m.CustomerId).Distinct().Count());
    }

    [Fact]
    public async Task Search_Result_ShowsFullNameKanaCompanyAndEmail()
    {
        var match = Assert.Single(await fixture.SearchAsync("佐々木"));

        Assert.Equal(("佐々木 花子", "ササキ ハナコ", "東都ロジスティクス株式会社", "h.sasaki@toto.test"),
            (match.FullName, match.FullNameKana, match.Company, match.Email));
    }

    [Fact]
    public async Task Search_AfterUpdate_FindsNewNameAndEmailNotOld()
    {
        var customers = fixture.Services.Get<ICustomerRepository>();
        var id = await customers.InsertAsync(
            TestCustomers.New("更新", "前", "コウシン", "マエ", "before.update@x.test", ""), CancellationToken.None);
        Assert.Equal(id, Assert.Single(await fixture.SearchAsync("更新")).CustomerId);

        var stored = await customers.GetAsync(id, CancellationToken.None);
        await customers.UpdateAsync(stored! with { LastName = "変更", FirstName = "後", Email = "after.update@x.test" }, stored.UpdatedAt, CancellationToken.None);

        Assert.Empty(await fixture.SearchAsync("更新"));
        Assert.Empty(await fixture.SearchAsync("before.up"));
        Assert.Equal(id, Assert.Single(await fixture.SearchAsync("変")).CustomerId);
        Assert.Equal(id, Assert.Single(await fixture.SearchAsync("after.up")).CustomerId);
    }

    [Fact]
    public void SearchTextLines_AreInTheOrderTheIndexesExpect()
    {
        // Migration 0015 indexes these lines by number: a new order needs a new migration.
        var text = CustomerSearchText.Build(TestCustomers.New("佐藤", "太郎", "サトウ", "タロウ", "T.Sato@x.test", "株式会社さくら"));

        Assert.Equal(["", "佐藤太郎", "太郎", "サトウタロウ", "タロウ", "株式会社サクラ", "t.sato@x.test"], text.Split(CustomerSearchText.FieldSeparator));
    }
}

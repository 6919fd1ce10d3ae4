using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Infrastructure.Compose;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Compose;

/// <summary>One database for the recipient search tests. Filler customers come first and take the
/// rows the sample step scans, so the named customers are only found through the indexes (the
/// path a large table takes); the fillers themselves exercise the sample step.</summary>
public sealed class RecipientSearchFixture : IAsyncLifetime
{
    /// <summary>Company of every filler; no named customer contains 業.</summary>
    public const string FillerCompany = "ヌル工業株式会社";

    public ServiceHarness Services { get; private set; } = default!;
    public CurrentUser Rep { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Services = await ServiceHarness.CreateAsync("recipients");
        Rep = await Services.AddUserAsync(UserRole.Rep);
        var customers = Services.Get<ICustomerRepository>();
        await customers.InsertAllAsync(
            Enumerable.Range(1, RecipientSearchSql.SampleRows)
                .Select(i => TestCustomers.New("ヌ", "", "ヌ", "", $"filler{i}@nul.test", FillerCompany)).ToList(),
            CancellationToken.None);
        await customers.InsertAllAsync(
        [
            TestCustomers.New("佐藤", "太郎", "サトウ", "タロウ", "t.sato@sakura.test", "株式会社さくら精機"),
            TestCustomers.New("佐々木", "花子", "ササキ", "ハナコ", "h.sasaki@toto.test", "東都ロジスティクス株式会社"),
            TestCustomers.New("加藤", "一郎", "カトウ", "イチロウ", "ichiro@kato.test", "合同会社佐藤ラボ"),
            TestCustomers.New("田中", "美咲", "タナカ", "ミサキ", "misaki_tanaka@ex.test", "100%商事"),
            TestCustomers.New("山本", "大輔", "ヤマモト", "ダイスケ", "daisuke@yamamoto.test", "株式会社ダイヤ建設"),
            TestCustomers.New("阿部", "誠", "アベ", "マコト", "makoto@abe.test", "阿蘇電機株式会社"),
            // 陀 (U+9640) follows 阿 (U+963F, UTF-8 ending in 0xBF): the edge of the 阿 range.
            TestCustomers.New("陀羅", "尼", "ダラ", "ニ", "dara@ex.test", ""),
            TestCustomers.New("Smith", "John", "スミス", "ジョン", "j.smith@acme.test", "Acme Corporation"),
            TestCustomers.New("鈴木", "翔", "スズキ", "ショウ", "aki_to@ex.test", ""),
            TestCustomers.New("鈴木", "翔太", "スズキ", "ショウタ", "akixto@ex.test", ""),
            // Surname ミヨシ sorts after 美咲's given name ミサキ: for ミ the surname still comes first.
            TestCustomers.New("三好", "健", "ミヨシ", "ケン", "k.miyoshi@ex.test", ""),
        ], CancellationToken.None);
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    public Task<IReadOnlyList<RecipientMatch>> SearchAsync(string text) =>
        Services.Get<SearchRecipientsQuery>().SearchAsync(Rep, text, CancellationToken.None);
}

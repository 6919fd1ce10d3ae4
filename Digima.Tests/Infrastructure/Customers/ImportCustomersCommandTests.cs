using System.Text;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Customers;

public sealed class ImportCustomersCommandTests : IAsyncLifetime
{
    private const string Header = "姓,名,セイ,メイ,メールアドレス,会社名,部署,役職,電話番号,担当者\n";
    private ServiceHarness _services = default!;
    private CurrentUser _rep = default!;

    static ImportCustomersCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync("import");
        _rep = await _services.AddUserAsync(UserRole.Rep, "owner-rep@digima.test");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Import_ValidUtf8File_ImportsEveryRowWithOwner()
    {
        var csv = Header
            + "山本,健,ヤマモト,ケン,ken@yamamoto.test,株式会社ミライ,営業部,部長,03-1111-2222,owner-rep@digima.test\n"
            + "\"中村\",\"由美\",ナカムラ,ユミ,yumi@nakamura.test,\"会社, カンマ入り\",,,,\n";

        var report = await ImportAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(2, report.ImportedCount);
        var found = await Search("yumi@");
        Assert.Equal("会社, カンマ入り", Assert.Single(found).Company);
        Assert.Equal(_rep.Id, Assert.Single(await Search("ken@yamamoto")).OwnerUserId);
    }

    [Fact]
    public async Task Import_ShiftJisFile_DecodesJapanese()
    {
        var csv = Header + "小林,直樹,コバヤシ,ナオキ,naoki@kobayashi.test,株式会社東都,情報システム部,課長,,\r\n";

        var report = await ImportAsync(Encoding.GetEncoding(932).GetBytes(csv));

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var customer = Assert.Single(await Search("naoki@"));
        Assert.Equal(("小林", "直樹", "情報システム部"), (customer.LastName, customer.FirstName, customer.Department));
    }

    [Fact]
    public async Task Import_BadRows_ReportsEachLineAndImportsNothing()
    {
        var csv = Header
            + "森,大輔,モリ,ダイスケ,daisuke@mori.test,,,,,\n"               // line 2: fine
            + ",名前だけ,,,nolast@x.test,,,,,\n"                             // line 3: 姓 missing
            + "石井,花,いしい,,bad-address,,,,,\n"                           // line 4: kana not katakana, bad email
            + "森,重複,,,DAISUKE@mori.test,,,,,\n"                           // line 5: repeats line 2
            + "岡田,誠,,,makoto@okada.test,,,,,nobody@digima.test\n";         // line 6: unknown owner

        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv));

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.ImportedCount);
        Assert.Equal([3, 4, 4, 5, 6], report.Errors.Select(e => e.Line));
        Assert.Contains(report.Errors, e => e.Line == 3 && e.Message == "姓を入力してください。");
        Assert.Contains(report.Errors, e => e.Line == 4 && e.Message == "メールアドレスの形式が正しくありません。");
        Assert.Contains(report.Errors, e => e.Line == 5 && e.Message.Contains("2行目", StringComparison.Ordinal));
        Assert.Empty(await Search("daisuke@"));
    }

    [Fact]
    public async Task Import_EmailAlreadyRegistered_ImportsNothing()
    {
        await _services.Get<ICustomerRepository>().InsertAsync(new Customer { LastName = "既存", Email = "exists@x.test" }, CancellationToken.None);
        var csv = Header + "新規,太郎,,,fresh@x.test,,,,,\n既存,二郎,,,EXISTS@x.test,,,,,\n";

        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv));

        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Line);
        Assert.Empty(await Search("fresh@"));
    }

    [Fact]
    public async Task Import_UnknownAndMissingColumns_ReportedOnHeaderLine()
    {
        var report = await ImportAsync(Encoding.UTF8.GetBytes("名,会社,Eメール\n太郎,株式会社,a@x.test\n"));

        Assert.All(report.Errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(report.Errors, e => e.Message.Contains("「会社」", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Message == "必須の列「姓」がありません。");
        Assert.Contains(report.Errors, e => e.Message == "必須の列「メールアドレス」がありません。");
    }

    [Fact]
    public async Task Import_EnglishHeaders_Accepted()
    {
        var report = await ImportAsync(Encoding.UTF8.GetBytes("last_name,email,company\nSmith,smith@corp.test,Corp\n"));

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal("Smith", Assert.Single(await Search("smith@")).LastName);
    }

    [Fact]
    public async Task Import_EnglishUser_ColumnsNamedInEnglish()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            var report = await ImportAsync(Encoding.UTF8.GetBytes("名,会社\n太郎,株式会社\n"));

            Assert.Contains(report.Errors, e => e.Message == "The required column \"last_name\" is missing.");
            Assert.Contains(report.Errors, e => e.Message == "The required column \"email\" is missing.");
            var unknown = Assert.Single(report.Errors, e => e.Message.StartsWith("Unknown column", StringComparison.Ordinal));
            Assert.Contains("last_name, first_name, last_name_kana", unknown.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task Import_CompanyKanaColumn_CompanyFoundByItsReading()
    {
        var csv = "姓,メールアドレス,会社名,会社名カナ\n"
            + "松本,r1@x.test,翠風精密株式会社,スイフウセイミツ\n"
            + "森,r2@x.test,東雲工業,しののめ\n";                   // line 3: 会社名カナ not katakana

        var refused = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv.Replace("しののめ", "ｼﾉﾉﾒ", StringComparison.Ordinal)));

        Assert.Equal((3, "全角カタカナで入力してください。"), (Assert.Single(refused.Errors).Line, refused.Errors[0].Message));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal("スイフウセイミツ", Assert.Single(await Search("suifuu")).CompanyKana);
        Assert.Equal("r1@x.test", Assert.Single(await Search("すいふう")).Email);
        Assert.Equal("シノノメ", Assert.Single(await Search("shinonome")).CompanyKana);
    }

    [Fact]
    public async Task Import_EmptyFile_SaysSo()
    {
        var report = await ImportAsync(Encoding.UTF8.GetBytes(Header));

        Assert.Equal("取り込む行がありません。", Assert.Single(report.Errors).Message);
    }

    private async Task<ImportReport> ImportAsync(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await _services.Get<ImportCustomersCommand>().ImportAsync(_rep, stream, CancellationToken.None);
    }

    private async Task<IReadOnlyList<Customer>> Search(string text) =>
        (await _services.Get<SearchCustomersQuery>().SearchAsync(_rep, new CustomerSearch(text, 0, 50), CancellationToken.None)).Items;
}

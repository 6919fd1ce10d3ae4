using Digima.Core.Accounts;
using Digima.Core.Customers;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Customers;

public sealed class SaveCustomerCommandTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("custsave");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Save_NewCustomer_NormalisesAndStores()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = new CustomerInput { LastName = " 高橋 ", FirstNameKana = "ｹﾝ", LastNameKana = "タカハシ", Email = "ｋｅｎ@takahashi.test" };

        var outcome = await _services.Get<SaveCustomerCommand>().SaveAsync(rep, 0, input, CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        var saved = await _services.Get<GetCustomerQuery>().GetAsync(rep, outcome.Value, CancellationToken.None);
        Assert.Equal("高橋", saved.LastName);
        Assert.Equal("ケン", saved.FirstNameKana);
        Assert.Equal("ken@takahashi.test", saved.Email);
    }

    [Fact]
    public async Task Save_EmailTaken_ReturnsJapaneseErrorOnEmail()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveCustomerCommand>();
        await save.SaveAsync(rep, 0, new CustomerInput { LastName = "伊藤", Email = "ito@ex.test" }, CancellationToken.None);

        var outcome = await save.SaveAsync(rep, 0, new CustomerInput { LastName = "伊藤", Email = "ITO@ex.test" }, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(nameof(CustomerInput.Email), error.PropertyName);
        Assert.Equal("このメールアドレスの顧客は既に登録されています。", error.ErrorMessage);
    }

    [Fact]
    public async Task Save_HeaderInjectionInName_Refused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var outcome = await _services.Get<SaveCustomerCommand>().SaveAsync(
            rep, 0, new CustomerInput { LastName = "山田\r\nBcc: victim@ex.test", Email = "a@ex.test" }, CancellationToken.None);

        Assert.Contains(outcome.Errors, e => e.PropertyName == nameof(CustomerInput.LastName) && e.ErrorMessage == "改行や制御文字は使用できません。");
    }
}

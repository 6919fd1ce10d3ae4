using Digima.Core.Accounts;
using Digima.Core.Accounts.SignIn;
using Digima.Core.Customers;
using Digima.Infrastructure.Seeding;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Seeding;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task Seed_Twice_SeedsOnceWithJapaneseCustomersAndDemoLogins()
    {
        await using var services = await ServiceHarness.CreateAsync("seed");
        var seeder = services.Get<DemoSeeder>();

        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        var manager = await services.Get<IUserRepository>().FindByEmailAsync("manager@digima.test", CancellationToken.None);
        var actor = new Digima.Core.Common.CurrentUser(manager!.Id, manager.Email, manager.DisplayName, manager.Role, manager.TimeZoneId, manager.Language);
        var all = await services.Get<SearchCustomersQuery>().SearchAsync(actor, new CustomerSearch(null, 0, 200), CancellationToken.None);
        Assert.Equal(300, all.TotalCount);
        Assert.All(all.Items, c => Assert.Matches(@"^[a-z0-9.]+@[a-z0-9.-]+\.test$", c.Email));
        Assert.Contains(all.Items, c => c.FirstName.Length == 0);
        Assert.Contains(all.Items, c => c.Phone.Length == 0);
        // 会社名カナ, found by its reading; a few left empty as in real data.
        Assert.Contains(all.Items, c => c.Company == "株式会社さくら精機" && c.CompanyKana == "サクラセイキ");
        Assert.Contains(all.Items, c => c.CompanyKana.Length == 0);
        foreach (var login in new[] { "manager@digima.test", "sato@digima.test", "suzuki@digima.test" })
        {
            var result = await services.Get<SignInCommand>().SignInAsync(login, DemoData.Password, CancellationToken.None);
            Assert.Equal(SignInStatus.Succeeded, result.Status);
        }
    }

    [Theory]
    [InlineData("サトウ", "sato")]
    [InlineData("ショウタ", "shota")]
    [InlineData("イッペイ", "ippei")]
    [InlineData("リュウノスケ", "ryunosuke")]
    [InlineData("ユウキ", "yuki")]
    public void EmailRomaji_CommonReadings(string kana, string expected)
    {
        Assert.Equal(expected, EmailRomaji.ToRomaji(kana));
    }
}

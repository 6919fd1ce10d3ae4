using Dapper;
using Digima.Infrastructure;
using Digima.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Tests.Infrastructure.DataProtection;

public sealed class KeyStoreTests
{
    [Fact]
    public async Task Protect_OnOneNode_UnprotectOnAnother_KeysLiveInPostgres()
    {
        await using var database = await TestDatabase.CreateAsync("dpkeys");
        await using var nodeA = Node(database);
        await using var nodeB = Node(database);

        var secret = nodeA.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("メールボックスのパスワード");
        var revealed = nodeB.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);

        Assert.Equal("メールボックスのパスワード", revealed);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys"));
    }

    private static ServiceProvider Node(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Digima"] = database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}

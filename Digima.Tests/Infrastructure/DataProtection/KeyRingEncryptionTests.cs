using Dapper;
using Digima.Core.Mailboxes;
using Digima.Infrastructure;
using Digima.Infrastructure.DataProtection;
using Digima.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digima.Tests.Infrastructure.DataProtection;

/// <summary>The key ring in PostgreSQL is encrypted with a certificate kept outside the database:
/// whoever has the database alone (a dump, a read-only login) cannot decrypt a mailbox password.</summary>
public sealed class KeyRingEncryptionTests
{
    [Fact]
    public async Task DatabaseAlone_WithoutTheCertificate_CannotDecryptMailboxPassword()
    {
        await using var database = await TestDatabase.CreateAsync("dpenc");
        await using var app = Node(database, TestEnvironment.KeyRingCertificatePath);
        var stored = app.GetRequiredService<ISecretProtector>().Protect("本物のメールパスワード");

        // What a dump gives: the same rows, read by a fresh Data Protection setup without the key.
        await using var thief = Node(database, certificatePath: null);
        var rows = await ReadKeyRowsAsync(database);

        Assert.Throws<SecretUnreadableException>(() => thief.GetRequiredService<ISecretProtector>().Unprotect(stored));
        Assert.All(rows, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(rows, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        await using var otherNode = Node(database, TestEnvironment.KeyRingCertificatePath);
        Assert.Equal("本物のメールパスワード", otherNode.GetRequiredService<ISecretProtector>().Unprotect(stored));
    }

    [Fact]
    public void Production_WithoutCertificate_RefusesToStart()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new ProductionEnvironment());
        services.AddInfrastructure(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Digima"] = "Host=127.0.0.1;Database=unused" })
            .Build());
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KeyRingOptions>>().Value);
        Assert.Contains("CertificatePath is required in Production", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadKeyRowsAsync(TestDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")).AsList();
    }

    private static ServiceProvider Node(TestDatabase database, string? certificatePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Digima"] = database.ConnectionString,
                ["Digima:DataProtection:CertificatePath"] = certificatePath,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Digima";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

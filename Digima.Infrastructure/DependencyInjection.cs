using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using Digima.Infrastructure.Accounts;
using Digima.Infrastructure.Compose;
using Digima.Infrastructure.Customers;
using Digima.Infrastructure.Database;
using Digima.Infrastructure.Migrations;
using Digima.Infrastructure.Seeding;
using Digima.Infrastructure.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers the database, repositories, migrations, Data Protection key store and seeding.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.Apply();
        EncodingSetup.RegisterCodePages();

        services.AddOptions<DatabaseOptions>()
            .Configure(o => o.ConnectionString = FirstNonEmpty(configuration.GetConnectionString("Digima"), configuration["DIGIMA_DB"]))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString).Build());

        services.AddOptions<DemoSeedOptions>().Bind(configuration.GetSection(DemoSeedOptions.Section));
        services.AddMailboxes(configuration);
        services.AddMailConnections(configuration);

        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<IUserRepository, UserRepository>();
        services.AddSingleton<IPasswordHashing, PasswordHashing>();
        services.AddSingleton<Core.Accounts.SignIn.ISignInFailureStore, SignInFailureStore>();
        services.AddSingleton<ICustomerRepository, CustomerRepository>();
        services.AddScoped<ICustomerCsvReader, CustomerCsvReader>();
        services.AddSingleton<IRecipientSearch, RecipientSearch>();
        services.AddSending(configuration);
        services.AddScheduledSending(configuration);
        services.AddMailImport(configuration);
        services.AddTemplates();
        services.AddLiveUpdates(configuration);
        services.AddTrackingStore(configuration);
        services.AddTimeline();

        services.AddKeyRing(configuration);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static string FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
}

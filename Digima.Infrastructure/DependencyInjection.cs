using Digima.Infrastructure.Database;
using Digima.Infrastructure.Health;
using Digima.Infrastructure.Migrations;
using Digima.Infrastructure.Seeding;
using Digima.Infrastructure.Sending;
using Digima.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Registers the database, migrations and seeding, then each feature's ports with its
    /// <c>Add&lt;Feature&gt;Infrastructure</c>.</summary>
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
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DevProviderConsent>();

        services.AddAccountsInfrastructure();
        services.AddCustomersInfrastructure();
        services.AddComposeInfrastructure(configuration);
        services.AddAttachmentsInfrastructure(configuration);
        services.AddMailboxesInfrastructure(configuration);
        services.AddOAuthInfrastructure(configuration);
        services.AddMailConnectionsInfrastructure(configuration);
        services.AddSendingInfrastructure(configuration);
        services.AddSchedulingInfrastructure(configuration);
        services.AddMailImportInfrastructure(configuration);
        services.AddTemplatesInfrastructure();
        services.AddLiveUpdatesInfrastructure(configuration);
        services.AddTrackingInfrastructure(configuration);
        services.AddTimelineInfrastructure();
        services.AddAwaitingInfrastructure(configuration);
        services.AddDashboardInfrastructure();
        services.AddDataProtectionInfrastructure(configuration);

        services.AddTelemetryInfrastructure(configuration);
        services.AddHealthInfrastructure(configuration);
        return services;
    }

    private static string FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
}

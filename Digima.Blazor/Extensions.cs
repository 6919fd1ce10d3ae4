using Digima.Blazor.Auth;
using Digima.Blazor.Circuits;
using Digima.Blazor.Components;
using Digima.Blazor.Endpoints;
using Digima.Blazor.Hosting;
using Digima.Blazor.RateLimiting;
using Digima.Blazor.Telemetry;
using Digima.Core;
using Digima.Infrastructure;
using Digima.Infrastructure.Customers;
using Digima.Infrastructure.DataProtection;
using Digima.Infrastructure.Migrations;
using Digima.Infrastructure.Seeding;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Digima.Blazor;

public static class Extensions
{
    public static IServiceCollection AddDigima(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCircuits(configuration);
        // Bottom right: at the top right a message would cover the page's action buttons.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddLocalization();
        services.AddCore();
        services.AddInfrastructure(configuration);
        services.AddAuth(configuration);
        services.AddRateLimiting(configuration);
        services.AddHttpHardening(configuration);
        return services;
    }

    /// <summary>Migrates (every start, every node: the migrator serialises nodes), writes the
    /// readings of customers saved before they existed, and seeds the demo data when configured.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Configuration that must refuse to start (e.g. no key ring certificate in Production)
        // does so before the database is touched.
        _ = app.Services.GetRequiredService<IOptions<KeyRingOptions>>().Value;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<CustomerReadingBackfill>().RunAsync(app.Lifetime.ApplicationStopping);
        if (app.Services.GetRequiredService<IOptions<DemoSeedOptions>>().Value.Demo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        }
    }

    public static WebApplication UseDigima(this WebApplication app)
    {
        app.UseHttpHardening();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // One limiter middleware serves every endpoint's policy; before sign-in so a flood costs little.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRequestLocalization(UserCulture.Options());
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        app.UseDigimaTelemetry();
        app.MapAccountEndpoints();
        app.MapTrackingEndpoints();
        app.MapMailboxOAuthEndpoints();
        app.MapAttachmentEndpoints();
        app.MapDiagnosticsEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

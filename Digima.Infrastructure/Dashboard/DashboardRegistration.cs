using Digima.Core.Dashboard;
using Digima.Infrastructure.Dashboard;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class DashboardRegistration
{
    /// <summary>The 「ダッシュボード」 reads (E7).</summary>
    public static IServiceCollection AddDashboardInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<IDashboardQueries, DashboardQueries>();
}

using Digima.Core.Dashboard;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class DashboardRegistration
{
    /// <summary>The 「ダッシュボード」 use case (E7). Its reads are registered by Infrastructure.</summary>
    public static IServiceCollection AddDashboardUseCases(this IServiceCollection services) =>
        services.AddScoped<GetDashboardQuery>();
}

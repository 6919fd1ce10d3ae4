using Digima.Core.Timeline;
using Digima.Infrastructure.Timeline;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class TimelineRegistration
{
    /// <summary>The timeline reads and the customer event recorder (R13-R15).</summary>
    public static IServiceCollection AddTimelineInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<ITimelineQueries, TimelineQueries>()
            .AddSingleton<ICustomerEventRecorder, CustomerEventRecorder>();
}

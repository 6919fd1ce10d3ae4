using Digima.Core.Timeline;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class TimelineRegistration
{
    /// <summary>The timeline and thread use cases (R13-R15). Ports are registered by Infrastructure.</summary>
    public static IServiceCollection AddTimelineUseCases(this IServiceCollection services)
    {
        services.AddScoped<GetTimelineTrackingQuery>();
        services.AddScoped<ListTimelineQuery>();
        services.AddScoped<ListNewTimelineItemsQuery>();
        services.AddScoped<GetTimelineMailQuery>();
        services.AddScoped<GetThreadQuery>();
        return services;
    }
}

using Digima.Core.Awaiting;
using Digima.Core.Awaiting.Notices;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class AwaitingRegistration
{
    /// <summary>The 返信待ち use cases (B8). Ports are registered by Infrastructure.</summary>
    public static IServiceCollection AddAwaitingUseCases(this IServiceCollection services)
    {
        services.AddScoped<ListAwaitingReplyQuery>();
        services.AddScoped<GetAwaitingRepliesQuery>();
        services.AddScoped<NotifyCustomerRepliesCommand>();
        services.AddScoped<SendAwaitingSummariesCommand>();
        return services;
    }
}

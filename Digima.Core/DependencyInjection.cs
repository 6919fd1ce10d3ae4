using Digima.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Core;

public static class DependencyInjection
{
    /// <summary>Registers the use cases and validators, one <c>Add&lt;Feature&gt;UseCases</c> per
    /// feature folder. Ports are registered by Infrastructure.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddAccountsUseCases();
        services.AddCustomersUseCases();
        services.AddComposeUseCases();
        services.AddAttachmentsUseCases();
        services.AddSendingUseCases();
        services.AddMailboxesUseCases();
        services.AddMailImportUseCases();
        services.AddTemplatesUseCases();
        services.AddSchedulingUseCases();
        services.AddTrackingUseCases();
        services.AddTimelineUseCases();
        services.AddAwaitingUseCases();
        services.AddDashboardUseCases();
        return services;
    }
}

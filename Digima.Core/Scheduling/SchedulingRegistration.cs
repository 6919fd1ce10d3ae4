using Microsoft.Extensions.DependencyInjection;

namespace Digima.Core.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>The scheduled-send use cases; the trigger, pacing and repository come from Infrastructure.</summary>
    public static IServiceCollection AddSchedulingUseCases(this IServiceCollection services)
    {
        services.AddScoped<Compose.ComposedMailFactory>();
        services.AddScoped<ScheduledMailCheck>();
        services.AddScoped<ScheduleMailCommand>();
        services.AddScoped<EditScheduledMailCommand>();
        services.AddScoped<CancelScheduledMailCommand>();
        services.AddScoped<ScheduledMailOutcomes>();
        services.AddScoped<SendScheduledMailCommand>();
        services.AddScoped<SendMailboxDueMailCommand>();
        services.AddScoped<ReleaseMailboxHeldMailCommand>();
        services.AddScoped<ListScheduledMailQuery>();
        return services;
    }
}

using Digima.Core.Awaiting;
using Digima.Core.Awaiting.Notices;
using Digima.Infrastructure.Awaiting;
using Digima.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class AwaitingRegistration
{
    /// <summary>The 返信待ち reads (B8; the state itself is written by the mail stores), its notices
    /// and the daily summary job on the clustered scheduler.</summary>
    public static IServiceCollection AddAwaitingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AwaitingNoticeOptions>(configuration, AwaitingNoticeOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AwaitingNoticeOptions>>().Value);
        services.AddSingleton<IAwaitingReplyQueries, AwaitingReplyQueries>();
        services.AddSingleton<IAwaitingNoticeRepository, AwaitingNoticeRepository>();
        services.AddScoped<AwaitingSummaryJob>();
        services.AddHostedService<AwaitingSummarySchedule>();
        return services;
    }
}

using Digima.Core.Scheduling;
using Digima.Core.Scheduling.Calendar;
using Digima.Infrastructure.Configuration;
using Digima.Infrastructure.Scheduling;
using Digima.Infrastructure.Scheduling.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Npgsql;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class SchedulingRegistration
{
    /// <summary>Quartz on its PostgreSQL job store, clustered (tables from the 0050 migration), shared
    /// by scheduled sends and the IMAP sync; and the scheduled-send ports.</summary>
    public static IServiceCollection AddSchedulingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ScheduledSendOptions>(configuration, ScheduledSendOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScheduledSendOptions>>().Value);
        services.AddValidatedOptions<ClusteredSchedulerOptions>(configuration, ClusteredSchedulerOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClusteredSchedulerOptions>>().Value);

        services.AddSingleton<IScheduledMailRepository, ScheduledMailRepository>();
        services.AddSingleton<IBusinessCalendarRepository, BusinessCalendarRepository>();
        services.AddSingleton<ISendPacing, PostgresSendPacing>();
        services.AddSingleton<IScheduledSendTrigger, QuartzScheduledSendTrigger>();
        services.AddScoped<SendScheduledMailJob>();
        services.AddScoped<WakeSendLanesJob>();
        services.AddSingleton<ScheduledSendLanes>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledSendLanes>());
        services.AddHostedService<ScheduledSendSweeper>();

        var quartz = configuration.GetSection(ClusteredSchedulerOptions.Section).Get<ClusteredSchedulerOptions>() ?? new ClusteredSchedulerOptions();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = quartz.SchedulerName);
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = quartz.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(db => db.DataSourceFactory = sp => sp.GetRequiredService<NpgsqlDataSource>());
                store.ConfigureStore(o => o.TablePrefix = "qrtz_");
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = quartz.CheckinInterval;
                    c.CheckinMisfireThreshold = quartz.CheckinMisfireThreshold;
                });
            });
        });
        if (quartz.SchedulingEnabled)
        {
            // A node without it still stores triggers (it schedules mail); it never fires one.
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}

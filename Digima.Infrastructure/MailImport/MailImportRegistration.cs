using Digima.Core.MailImport;
using Digima.Core.MailImport.Backfill;
using Digima.Core.MailImport.Privacy;
using Digima.Infrastructure.MailConnections;
using Digima.Infrastructure.Configuration;
using Digima.Infrastructure.MailImport;
using Digima.Infrastructure.MailImport.Backfill;
using MailKit.Net.Imap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class MailImportRegistration
{
    /// <summary>The import ports (MailKit session, repositories, advisory lock), its options and
    /// both triggers: the Quartz job per mailbox (on the clustered scheduler of AddSchedulingInfrastructure) and the IDLE listener, each switchable in
    /// <c>Digima:MailImport</c> (ScheduleEnabled, IdleEnabled), and the
    /// backfill worker (BackfillEnabled).</summary>
    public static IServiceCollection AddMailImportInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MailImportOptions>(configuration, MailImportOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MailImportOptions>>().Value);

        services.AddSingleton<MailHtmlSanitizer>();
        services.AddSingleton<MimeContentReader>();
        services.AddKeyedSingleton(MailSessionPools.Import, (sp, _) => new MailSessionPool<ImapClient>(
            sp.GetRequiredService<MailKitConnect>().ImapAsync, ImapImportServer.KeptSessions(sp.GetRequiredService<MailImportOptions>()),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MailSessionPool<ImapClient>>>()));
        services.AddSingleton<IMailImportServer, ImapImportServer>();
        services.AddSingleton<IImportedMailRepository, ImportedMailRepository>();
        services.AddSingleton<IImportedMailQueries, ImportedMailQueries>();
        services.AddSingleton<IMailImportFolderRepository, MailImportFolderRepository>();
        services.AddSingleton<IMailPrivacyRepository, MailPrivacyRepository>();
        services.AddSingleton<IMailboxSyncLock, PostgresMailboxSyncLock>();
        services.AddSingleton<IMailBackfillRepository, MailBackfillRepository>();
        services.AddSingleton<ConnectedMailboxList>();
        services.AddSingleton<MailboxIdleWatcher>();

        // Jobs are scheduled at run time (one per mailbox), so Quartz's builder never sees the type:
        // registered here for its container job factory.
        services.AddScoped<SyncMailboxJob>();
        services.AddHostedService<MailImportScheduler>();
        services.AddHostedService<MailImportIdleListener>();
        services.AddHostedService<MailBackfillWorker>();
        return services;
    }
}

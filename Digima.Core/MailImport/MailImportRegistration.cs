using Digima.Core.MailImport;
using Digima.Core.MailImport.Backfill;
using Digima.Core.MailImport.Privacy;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class MailImportRegistration
{
    /// <summary>The import use cases (R18-R25). The ports and <see cref="MailImportOptions"/>
    /// are registered by Infrastructure.</summary>
    public static IServiceCollection AddMailImportUseCases(this IServiceCollection services)
    {
        services.AddScoped<SyncMailboxCommand>();
        services.AddScoped<RunMailBackfillCommand>();
        services.AddScoped<RequestMailboxBackfillCommand>();
        services.AddScoped<GetMailBackfillQuery>();
        services.AddScoped<MailImportFolders>();
        services.AddScoped<ListImportFoldersQuery>();
        services.AddScoped<SaveImportFoldersCommand>();
        services.AddScoped<ResyncFolderCommand>();
        services.AddScoped<ListSkippedMailQuery>();
        services.AddScoped<DeleteImportedMailCommand>();
        services.AddScoped<ListImportedMailQuery>();
        services.AddScoped<GetImportedMailQuery>();
        services.AddScoped<ListCustomerImportedMailQuery>();
        services.AddScoped<GetMailboxSyncStatusQuery>();
        services.AddScoped<SetMailPrivateCommand>();
        services.AddScoped<MakeCustomerMailPrivateCommand>();
        services.AddScoped<ListMailBodyViewsQuery>();
        services.AddScoped<ListNeverImportQuery>();
        services.AddScoped<SaveNeverImportCommand>();
        services.AddSingleton<IValidator<NeverImportEntry>, NeverImportEntryValidator>();
        return services;
    }
}

using Digima.Core.Accounts;
using Digima.Core.Accounts.Preferences;
using Digima.Core.Accounts.SignIn;
using Digima.Core.Accounts.Users;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Core;

public static class DependencyInjection
{
    /// <summary>Registers the use cases and validators. Ports are registered by Infrastructure.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMailboxes();
        services.AddMailImport();
        services.AddTemplates();
        services.AddScheduling();
        services.AddTracking();
        services.AddTimeline();
        services.AddScoped<IValidator<UserInput>, UserInputValidator>();
        services.AddScoped<IValidator<CustomerInput>, CustomerInputValidator>();

        services.AddScoped<SignInCommand>();
        services.AddScoped<Accounts.Sessions.SignOutCommand>();
        services.AddScoped<CreateUserCommand>();
        services.AddScoped<UpdateUserCommand>();
        services.AddScoped<ListUsersQuery>();
        services.AddScoped<GetUserQuery>();
        services.AddScoped<ListActiveUsersQuery>();
        services.AddScoped<UpdatePreferencesCommand>();

        services.AddScoped<SearchCustomersQuery>();
        services.AddScoped<GetCustomerQuery>();
        services.AddScoped<SaveCustomerCommand>();
        services.AddScoped<ImportCustomersCommand>();

        services.AddScoped<IValidator<ComposeInput>, ComposeInputValidator>();
        services.AddScoped<SearchRecipientsQuery>();
        services.AddScoped<PreviewMailQuery>();
        services.AddScoped<SendMailCommand>();
        services.AddScoped<CheckMailQuery>();
        services.AddScoped<DraftFromMailQuery>();

        services.AddScoped<MailDelivery>();
        services.AddScoped<MailFailure>();
        services.AddScoped<SendQueuedMailCommand>();
        services.AddScoped<RecoverStuckMailCommand>();
        services.AddScoped<RetryMailCommand>();
        services.AddScoped<ListIndividualMailQuery>();
        services.AddScoped<ListCustomerMailQuery>();
        return services;
    }
}

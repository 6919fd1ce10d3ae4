using Digima.Core.Sending;
using Digima.Core.Sending.UndoSend;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class SendingRegistration
{
    /// <summary>The outbox use cases. The repository, transport and outbox worker are registered by Infrastructure.</summary>
    public static IServiceCollection AddSendingUseCases(this IServiceCollection services)
    {
        services.AddScoped<MailDelivery>();
        services.AddScoped<SentCopyKeeper>();
        services.AddScoped<MailFailure>();
        services.AddScoped<SendQueuedMailCommand>();
        services.AddScoped<RecoverStuckMailCommand>();
        services.AddScoped<RetryMailCommand>();
        services.AddScoped<ListIndividualMailQuery>();
        services.AddScoped<ListCustomerMailQuery>();
        services.AddSingleton<IValidator<UndoGraceInput>, UndoGraceInputValidator>();
        services.AddScoped<GetUndoGraceQuery>();
        services.AddScoped<SaveUndoGraceCommand>();
        services.AddScoped<GetUndoDeadlineQuery>();
        services.AddScoped<UndoSendCommand>();
        services.AddScoped<ListUndoableMailQuery>();
        return services;
    }
}

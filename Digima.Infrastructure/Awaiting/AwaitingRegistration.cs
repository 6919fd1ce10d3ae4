using Digima.Core.Awaiting;
using Digima.Infrastructure.Awaiting;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class AwaitingRegistration
{
    /// <summary>The 返信待ち reads (B8); the state itself is written by the mail stores.</summary>
    public static IServiceCollection AddAwaitingInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<IAwaitingReplyQueries, AwaitingReplyQueries>();
}

using Digima.Core.Compose;
using Digima.Core.Compose.Signatures;
using Digima.Infrastructure.Compose;
using Digima.Infrastructure.Compose.Signatures;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class ComposeRegistration
{
    /// <summary>The recipient search of the compose screen and the reps' signatures.</summary>
    public static IServiceCollection AddComposeInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<IRecipientSearch, RecipientSearch>()
            .AddSingleton<ISignatureRepository, SignatureRepository>();
}

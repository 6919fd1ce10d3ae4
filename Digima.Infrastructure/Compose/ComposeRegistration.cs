using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;
using Digima.Core.Compose.Signatures;
using Digima.Infrastructure.Compose;
using Digima.Infrastructure.Compose.Drafts;
using Digima.Infrastructure.Compose.Signatures;
using Digima.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class ComposeRegistration
{
    /// <summary>The recipient search of the compose screen, the reps' signatures and drafts, and the recipient
    /// check of 「送信の確認」 with its options.</summary>
    public static IServiceCollection AddComposeInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RecipientCheckOptions>(configuration, RecipientCheckOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RecipientCheckOptions>>().Value);
        return services.AddSingleton<IRecipientSearch, RecipientSearch>()
            .AddSingleton<ISignatureRepository, SignatureRepository>()
            .AddSingleton<IDraftRepository, DraftRepository>()
            .AddSingleton<IRecipientDomainHistory, RecipientDomainHistory>();
    }
}

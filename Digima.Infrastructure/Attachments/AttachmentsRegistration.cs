using Digima.Core.Attachments;
using Digima.Infrastructure.Attachments;
using Digima.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class AttachmentsRegistration
{
    /// <summary>The attachment store (PostgreSQL), the limits of <c>Digima:Attachments</c> and the
    /// hourly removal of abandoned uploads.</summary>
    public static IServiceCollection AddAttachmentsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AttachmentOptions>(configuration, AttachmentOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AttachmentOptions>>().Value);
        services.AddHostedService<AbandonedUploadSweeper>();
        return services.AddSingleton<IAttachmentStore, AttachmentStore>();
    }
}

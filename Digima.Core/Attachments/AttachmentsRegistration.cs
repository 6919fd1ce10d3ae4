using Digima.Core.Attachments;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class AttachmentsRegistration
{
    /// <summary>The attachment use cases. The store is registered by Infrastructure.</summary>
    public static IServiceCollection AddAttachmentsUseCases(this IServiceCollection services)
    {
        services.AddScoped<OpenAttachmentQuery>();
        services.AddScoped<UploadAttachmentCommand>();
        services.AddScoped<RemoveAttachmentCommand>();
        services.AddScoped<ListMailAttachmentsQuery>();
        services.AddScoped<RemoveAbandonedUploadsCommand>();
        return services;
    }
}

using Digima.Core.Attachments;
using Digima.Core.Common;

namespace Digima.Core.Templates;

/// <summary>A template's files, for whoever may see the template (the editor lists them).</summary>
public sealed class ListTemplateAttachmentsQuery(GetTemplateQuery templates, IAttachmentStore attachments)
{
    /// <exception cref="NotFoundException">No such template visible to the actor.</exception>
    public async Task<IReadOnlyList<StoredFile>> ListAsync(CurrentUser actor, long templateId, CancellationToken cancellationToken)
    {
        await templates.GetAsync(actor, templateId, cancellationToken);
        return await attachments.ListForTemplateAsync(templateId, cancellationToken);
    }
}

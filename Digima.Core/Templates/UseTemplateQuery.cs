using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Compose;

namespace Digima.Core.Templates;

/// <summary>「テンプレートを使う」 in compose: the template, and copies of its files as the rep's
/// loose files, so the mail takes (and may remove) its own and the template keeps its.</summary>
public sealed class UseTemplateQuery(GetTemplateQuery templates, IAttachmentStore attachments, TimeProvider time)
{
    /// <exception cref="NotFoundException">No such template visible to the actor.</exception>
    public async Task<(MailTemplate Template, List<ComposeAttachment> Attachments)> UseAsync(CurrentUser actor, long templateId, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(actor, templateId, cancellationToken);
        var files = await attachments.ListForTemplateAsync(templateId, cancellationToken);
        if (files.Count == 0)
        {
            return (template, []);
        }

        var copies = await attachments.CopyAsync(files.Select(f => f.Id).ToList(), actor.Id, time.GetUtcNow(), cancellationToken);
        return (template, copies.Select(ComposeAttachment.From).ToList());
    }
}

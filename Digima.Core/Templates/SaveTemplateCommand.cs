using Digima.Core.Attachments;
using Digima.Core.Common;
using FluentValidation;

namespace Digima.Core.Templates;

/// <summary>Creates a template owned by the actor (id 0) or updates one the actor may edit.</summary>
public sealed class SaveTemplateCommand(ITemplateRepository templates, IValidator<TemplateInput> validator, IAttachmentStore attachments)
{
    /// <exception cref="NotFoundException">The template does not exist or is not visible.</exception>
    /// <exception cref="ForbiddenException">The actor may see but not edit it.</exception>
    public async Task<Outcome<long>> SaveAsync(CurrentUser actor, long id, TemplateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<long>.Failure(validation.Errors);
        }

        if (id == 0)
        {
            var created = await templates.InsertAsync(input.ToTemplate(0, actor.Id), cancellationToken);
            await SaveFilesAsync(actor, created, input, cancellationToken);
            return Outcome<long>.Success(created);
        }

        var existing = await EditableAsync(templates, actor, id, cancellationToken);
        // The owner stays the same when a manager edits a shared template.
        if (!await templates.UpdateAsync(input.ToTemplate(id, existing.OwnerUserId), cancellationToken))
        {
            throw new NotFoundException($"Template {id} does not exist.");
        }

        await SaveFilesAsync(actor, id, input, cancellationToken);
        return Outcome<long>.Success(id);
    }

    /// <summary>The files listed become the template's: its own kept, the actor's uploads added,
    /// the rest of its own deleted (the store takes no other rep's file).</summary>
    private Task SaveFilesAsync(CurrentUser actor, long templateId, TemplateInput input, CancellationToken cancellationToken) =>
        attachments.SetTemplateFilesAsync(templateId, input.Attachments.Select(a => a.FileId).Distinct().ToList(), actor.Id, cancellationToken);

    internal static async Task<MailTemplate> EditableAsync(ITemplateRepository templates, CurrentUser actor, long id, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(id, cancellationToken);
        if (template is null || !TemplateAccess.CanSee(actor, template))
        {
            throw new NotFoundException($"Template {id} does not exist.");
        }

        return TemplateAccess.CanEdit(actor, template)
            ? template
            : throw new ForbiddenException($"User {actor.Id} may not change template {id}.");
    }
}

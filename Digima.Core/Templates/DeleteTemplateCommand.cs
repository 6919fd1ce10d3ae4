using Digima.Core.Common;

namespace Digima.Core.Templates;

/// <summary>Deletes a template; the same rule as editing applies.</summary>
public sealed class DeleteTemplateCommand(ITemplateRepository templates)
{
    /// <exception cref="NotFoundException">The template does not exist or is not visible.</exception>
    /// <exception cref="ForbiddenException">The actor may see but not delete it.</exception>
    public async Task DeleteAsync(CurrentUser actor, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await SaveTemplateCommand.EditableAsync(templates, actor, id, cancellationToken);
        await templates.DeleteAsync(id, cancellationToken);
    }
}

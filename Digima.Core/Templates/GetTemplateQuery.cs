using Digima.Core.Common;

namespace Digima.Core.Templates;

/// <summary>One template the user may see.</summary>
public sealed class GetTemplateQuery(ITemplateRepository templates)
{
    /// <exception cref="NotFoundException">No such template, or another user's personal one
    /// (reported the same way so its existence does not leak).</exception>
    public async Task<MailTemplate> GetAsync(CurrentUser actor, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var template = await templates.GetAsync(id, cancellationToken);
        return template is not null && TemplateAccess.CanSee(actor, template)
            ? template
            : throw new NotFoundException($"Template {id} does not exist.");
    }
}

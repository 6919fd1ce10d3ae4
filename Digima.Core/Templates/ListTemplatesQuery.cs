using Digima.Core.Common;

namespace Digima.Core.Templates;

/// <summary>The templates a user may use: their own and the team's shared ones.</summary>
public sealed class ListTemplatesQuery(ITemplateRepository templates)
{
    /// <summary>More than a rep would scroll through; search narrows it.</summary>
    public const int Limit = 200;

    public Task<IReadOnlyList<MailTemplate>> ListAsync(CurrentUser actor, string? search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return templates.ListVisibleAsync(actor.Id, search?.Trim(), Limit, cancellationToken);
    }
}

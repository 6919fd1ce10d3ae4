namespace Digima.Core.Templates;

/// <summary>Stored mail templates.</summary>
public interface ITemplateRepository
{
    /// <summary>The user's own templates and the shared ones whose name or subject contains
    /// the text (case-insensitive; all when empty), by name.</summary>
    Task<IReadOnlyList<MailTemplate>> ListVisibleAsync(long userId, string? text, int limit, CancellationToken cancellationToken);

    Task<MailTemplate?> GetAsync(long id, CancellationToken cancellationToken);

    Task<long> InsertAsync(MailTemplate template, CancellationToken cancellationToken);

    /// <summary>Updates name, subject, body and sharing; false when the template does not exist.</summary>
    Task<bool> UpdateAsync(MailTemplate template, CancellationToken cancellationToken);

    /// <summary>False when the template did not exist.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);
}

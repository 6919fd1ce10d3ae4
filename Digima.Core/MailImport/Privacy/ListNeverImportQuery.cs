using Digima.Core.Common;

namespace Digima.Core.MailImport.Privacy;

/// <summary>The rep's never-import list: their own entries first, then the free-mail domains,
/// each as stored or offered switched off.</summary>
public sealed class ListNeverImportQuery(IMailPrivacyRepository store)
{
    public async Task<IReadOnlyList<NeverImportEntry>> ListAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var own = await store.ListNeverImportAsync(actor.Id, cancellationToken);
        return own.Where(e => !MailPrivacyRules.FreeMailDomains.Contains(e.Pattern))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .Concat(MailPrivacyRules.FreeMailDomains.Select(d => own.FirstOrDefault(e => e.Pattern == d) ?? new NeverImportEntry(d, false)))
            .ToList();
    }
}

using Digima.Core.Common;
using FluentValidation;

namespace Digima.Core.MailImport.Privacy;

/// <summary>Adds an address or domain to the actor's never-import list, switches an entry on or
/// off, or removes it. Applies from the next sync; mail already imported stays (it can be made
/// private).</summary>
public sealed class SaveNeverImportCommand(IMailPrivacyRepository store, IValidator<NeverImportEntry> validator, TimeProvider time)
{
    public async Task<Outcome<string>> SaveAsync(CurrentUser actor, string pattern, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new NeverImportEntry(MailPrivacyRules.Normalize(pattern), enabled);
        var validation = await validator.ValidateAsync(entry, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<string>.Failure(validation.Errors);
        }

        await store.SaveNeverImportAsync(actor.Id, entry, time.GetUtcNow(), cancellationToken);
        return Outcome<string>.Success(entry.Pattern);
    }

    public Task DeleteAsync(CurrentUser actor, string pattern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.DeleteNeverImportAsync(actor.Id, MailPrivacyRules.Normalize(pattern), cancellationToken);
    }
}

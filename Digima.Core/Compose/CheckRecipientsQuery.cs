using Digima.Core.Common;
using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>The recipients as 「送信の確認」 shows them: grouped by company, with the warnings the
/// rep acknowledges before 「確認」 (<see cref="RecipientWarnings"/>). Two reads: the customers and
/// the domains' history, each one statement whatever the number of recipients.</summary>
public sealed class CheckRecipientsQuery(ICustomerRepository customers, IRecipientDomainHistory domains, RecipientCheckOptions options)
{
    public async Task<RecipientCheck> CheckAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var listed = input.To.Select(r => (Kind: RecipientKind.To, Recipient: r))
            .Concat(input.Cc.Select(r => (Kind: RecipientKind.Cc, Recipient: r)))
            .Concat(input.Bcc.Select(r => (Kind: RecipientKind.Bcc, Recipient: r)))
            .ToList();
        if (listed.Count == 0)
        {
            return RecipientCheck.Empty;
        }

        var ids = listed.Where(r => r.Recipient.CustomerId is not null).Select(r => r.Recipient.CustomerId!.Value).Distinct().ToList();
        var byId = (await customers.GetManyAsync(ids, cancellationToken)).ToDictionary(c => c.Id);
        var recipients = listed.Select(r => new RecipientFacts(r.Kind, r.Recipient, r.Recipient.CustomerId is { } id ? byId.GetValueOrDefault(id) : null)).ToList();
        var history = await domains.GetAsync(actor.Id, recipients.Select(r => r.Domain).Distinct().ToList(), cancellationToken);
        var groups = RecipientWarnings.Group(recipients, history);
        return new RecipientCheck(groups, RecipientWarnings.Check(recipients, groups, history, MergedBody(input, recipients, actor), options));
    }

    /// <summary>The body as the first 宛先 receives it. {{送信者名}} is filled with the user's name:
    /// only the salutation line is read, and it does not depend on the sender.</summary>
    private static string MergedBody(ComposeInput input, IReadOnlyList<RecipientFacts> recipients, CurrentUser actor) =>
        recipients.FirstOrDefault(r => r.Kind == RecipientKind.To)?.Customer is { } first
            ? MergeFieldRenderer.Render(input.Body, first, actor.DisplayName).Text
            : input.Body;
}

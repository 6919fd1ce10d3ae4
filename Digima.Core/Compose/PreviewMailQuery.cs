using Digima.Core.Common;
using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>Renders subject and body for the first customer in 宛先, as the compose screen shows
/// it while the rep types (R7), with the spam guidance (R12).</summary>
public sealed class PreviewMailQuery(ICustomerRepository customers)
{
    public async Task<MailPreview> PreviewAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var primary = input.PrimaryRecipient is { } first ? await customers.GetAsync(first.CustomerId, cancellationToken) : null;
        var subject = Render(input.Subject, primary, actor.DisplayName);
        var body = Render(input.Body, primary, actor.DisplayName);
        var warnings = SpamGuidance.Check(subject.Text, body.Text, input.AllRecipients.Count());
        return new MailPreview(primary, subject, body, warnings);
    }

    private static MergeResult Render(string template, Customer? primary, string senderName) =>
        primary is null
            ? new MergeResult(template, [], [])
            : MergeFieldRenderer.Render(template, primary, senderName, markEmpty: true);
}

using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;

namespace Digima.Core.Compose;

/// <summary>Renders subject and body for the first customer in 宛先, as the compose screen shows
/// it while the rep types (R7), with the spam guidance (R12).</summary>
public sealed class PreviewMailQuery(ICustomerRepository customers, IMailboxRepository mailboxes)
{
    public async Task<MailPreview> PreviewAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var primary = input.PrimaryRecipient?.CustomerId is { } first ? await customers.GetAsync(first, cancellationToken) : null;
        var senderName = primary is null ? actor.DisplayName : await SenderNameAsync(actor, cancellationToken);
        var subject = Render(input.Subject, primary, senderName);
        var body = Render(input.Body, primary, senderName);
        var warnings = SpamGuidance.Check(subject.Text, body.Text, input.AllRecipients.Count());
        return new MailPreview(primary, subject, body, warnings);
    }

    /// <summary>{{送信者名}} is filled with the mailbox's sender name when the mail is sent
    /// (ComposedMailFactory), so the preview uses it too; the user's name only stands in while no
    /// mailbox is connected (and the page says the mail cannot be sent yet).</summary>
    private async Task<string> SenderNameAsync(CurrentUser actor, CancellationToken cancellationToken) =>
        (await mailboxes.GetAsync(actor.Id, cancellationToken))?.SenderName ?? actor.DisplayName;

    private static MergeResult Render(string template, Customer? primary, string senderName) =>
        primary is null
            ? new MergeResult(template, [], [])
            : MergeFieldRenderer.Render(template, primary, senderName, markEmpty: true);
}

using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Scheduling;

/// <summary>The mailbox is connected and every merge field used has a value for the primary
/// recipient (R8): checked when a scheduled mail is edited and again at its time.</summary>
public sealed class ScheduledMailCheck(
    ICustomerRepository customers, IMailboxConnections mailboxes, ComposedMailFactory factory, IStringLocalizer<CoreMessages> text)
{
    /// <param name="connected">The mailbox as read for this check a moment ago (a lane's batch), or null to read it.</param>
    /// <param name="primaryRead">The primary recipient as read a moment ago (<see cref="ReadCustomersAsync"/>), or null to read it.</param>
    /// <summary>The primary recipients of a lane's batch in one read (the batch runs within a second).</summary>
    public async Task<IReadOnlyDictionary<long, Customer>> ReadCustomersAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await customers.GetManyAsync(ids, cancellationToken)).ToDictionary(c => c.Id);

    public async Task<Outcome<RenderedMail>> CheckAsync(
        long userId, long primaryCustomerId, string subjectTemplate, string bodyTemplate, CancellationToken cancellationToken,
        MailboxConnection? connected = null, Customer? primaryRead = null)
    {
        MailboxConnection? mailbox;
        try
        {
            mailbox = connected ?? await mailboxes.GetAsync(userId, cancellationToken);
        }
        catch (Exception e) when (MailboxUnusable.IsRepsToFix(e))
        {
            // A passing failure of the provider's token endpoint is thrown on: the mail is not held
            // but retried (ScheduledMailOutcomes.TokenUnavailableAsync).
            return Outcome<RenderedMail>.Failure(SendMailCommand.MailboxProblem, MailboxUnusable.Message(e, text));
        }

        if (mailbox is null)
        {
            return Outcome<RenderedMail>.Failure(SendMailCommand.MailboxProblem, text["MailboxNotConnected"]);
        }

        var primary = primaryRead ?? await customers.GetAsync(primaryCustomerId, cancellationToken);
        if (primary is null)
        {
            return Outcome<RenderedMail>.Failure(nameof(ComposeInput.To), text["RecipientNotCustomer", primaryCustomerId]);
        }

        var subject = MergeFieldRenderer.Render(subjectTemplate, primary, mailbox.SenderName);
        var body = MergeFieldRenderer.Render(bodyTemplate, primary, mailbox.SenderName);
        List<ValidationFailure> failures = factory.MergeFailures(subject, body, primary);
        return failures.Count > 0
            ? Outcome<RenderedMail>.Failure(failures)
            : Outcome<RenderedMail>.Success(new RenderedMail(subject.Text.Trim(), body.Text, mailbox));
    }
}

/// <summary>Subject and body filled for the primary recipient, and the mailbox to send through.</summary>
public sealed record RenderedMail(string Subject, string Body, MailboxConnection Mailbox);

using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Sending;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Compose;

/// <summary>「今すぐ送信」 (R10): validates, fills merge fields for the primary recipient, refuses
/// if any used field is empty (R8), and queues the mail with its Message-ID in one transaction.
/// The outbox worker sends it through the rep's own server (R2).</summary>
public sealed class SendMailCommand(
    IValidator<ComposeInput> validator,
    ICustomerRepository customers,
    IMailboxConnections mailboxes,
    IOutgoingMailRepository outbox,
    IOutboxSignal signal,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text)
{
    /// <summary>Property name of a failure about merge fields; its CustomState is the customer id.</summary>
    public const string MergeProblem = "Merge";
    public const string MailboxProblem = "Mailbox";

    public async Task<Outcome<long>> SendNowAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<long>.Failure(validation.Errors);
        }

        var mailbox = await mailboxes.GetAsync(actor.Id, cancellationToken);
        if (mailbox is null)
        {
            return Outcome<long>.Failure(MailboxProblem, text["MailboxNotConnected"]);
        }

        var ids = input.AllRecipients.Select(r => r.CustomerId).Distinct().ToList();
        var found = (await customers.GetManyAsync(ids, cancellationToken)).ToDictionary(c => c.Id);
        var missing = input.AllRecipients.Where(r => !found.ContainsKey(r.CustomerId)).Select(r => r.Email).ToList();
        if (missing.Count > 0)
        {
            return Outcome<long>.Failure(nameof(ComposeInput.To), text["RecipientNotCustomer", string.Join(", ", missing)]);
        }

        var primary = found[input.To[0].CustomerId];
        var subject = MergeFieldRenderer.Render(input.Subject, primary, mailbox.SenderName);
        var body = MergeFieldRenderer.Render(input.Body, primary, mailbox.SenderName);
        if (MergeFailures(subject, body, primary) is { Count: > 0 } failures)
        {
            return Outcome<long>.Failure(failures);
        }

        var mail = new OutgoingMail
        {
            UserId = actor.Id,
            Status = MailStatus.Queued,
            MessageId = MessageIds.New(mailbox.SenderAddress, time.GetUtcNow()),
            Subject = subject.Text.Trim(),
            BodyText = body.Text,
            SubjectTemplate = input.Subject,
            BodyTemplate = input.Body,
            OpenTracking = input.OpenTracking,
            ClickTracking = input.ClickTracking,
            NotifyOnOpen = input.NotifyOnOpen,
            Recipients = Recipients(input, found),
            InReplyTo = string.IsNullOrWhiteSpace(input.InReplyTo) ? null : input.InReplyTo.Trim(),
            ReferencesHeader = string.Join(' ', input.References.Where(r => r.Length > 0 && !TextRules.HasControlCharacters(r))),
            CreatedAt = time.GetUtcNow(),
        };
        var id = await outbox.InsertQueuedAsync(mail, cancellationToken);
        signal.MailQueued();
        return Outcome<long>.Success(id);
    }

    private List<ValidationFailure> MergeFailures(MergeResult subject, MergeResult body, Customer primary)
    {
        var failures = subject.UnknownTokens.Union(body.UnknownTokens)
            .Select(t => new ValidationFailure(MergeProblem, text["MergeFieldUnknown", t]))
            .ToList();
        failures.AddRange(subject.EmptyFields.Union(body.EmptyFields)
            .Select(f => new ValidationFailure(MergeProblem, text["MergeFieldEmpty", f, primary.FullName]) { CustomState = primary.Id }));
        return failures;
    }

    private static List<OutgoingRecipient> Recipients(ComposeInput input, Dictionary<long, Customer> customers)
    {
        // Addresses come from the customer records, not the page: what was shown is what is stored.
        var seen = new HashSet<long>();
        return input.To.Select(r => (RecipientKind.To, r))
            .Concat(input.Cc.Select(r => (RecipientKind.Cc, r)))
            .Concat(input.Bcc.Select(r => (RecipientKind.Bcc, r)))
            .Where(x => seen.Add(x.r.CustomerId))
            .Select(x => new OutgoingRecipient(x.Item1, x.r.CustomerId, customers[x.r.CustomerId].Email, customers[x.r.CustomerId].FullName))
            .ToList();
    }
}

using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Digima.Core.Sending;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Compose;

/// <summary>What 「今すぐ送信」 and 「予約送信」 share: validates, checks the mailbox, fills merge
/// fields for the primary recipient and refuses if a used field is empty (R8), then builds the
/// mail with its Message-ID. The caller decides its status and stores it.</summary>
public sealed class ComposedMailFactory(
    IValidator<ComposeInput> validator,
    ICustomerRepository customers,
    IMailboxConnections mailboxes,
    IAttachmentStore attachments,
    IOutgoingMailRepository outbox,
    AttachmentOptions attachmentLimits,
    TimeProvider time,
    IStringLocalizer<CoreMessages> text)
{
    public async Task<Outcome<OutgoingMail>> BuildAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<OutgoingMail>.Failure(validation.Errors);
        }

        MailboxConnection? mailbox;
        try
        {
            mailbox = await mailboxes.GetAsync(actor.Id, cancellationToken);
        }
        catch (MailboxReconnectRequiredException e)
        {
            return Outcome<OutgoingMail>.Failure(SendMailCommand.MailboxProblem, MailboxUnusable.Message(e, text));
        }

        if (mailbox is null)
        {
            return Outcome<OutgoingMail>.Failure(SendMailCommand.MailboxProblem, text["MailboxNotConnected"]);
        }

        var ids = input.AllRecipients.Where(r => r.CustomerId is not null).Select(r => r.CustomerId!.Value).Distinct().ToList();
        var found = (await customers.GetManyAsync(ids, cancellationToken)).ToDictionary(c => c.Id);
        var missing = input.AllRecipients.Where(r => r.CustomerId is { } id && !found.ContainsKey(id)).Select(r => r.Email).ToList();
        if (missing.Count > 0)
        {
            return Outcome<OutgoingMail>.Failure(nameof(ComposeInput.To), text["RecipientNotCustomer", string.Join(", ", missing)]);
        }

        if (await AttachmentProblemAsync(actor, input, cancellationToken) is { } attachmentProblem)
        {
            return Outcome<OutgoingMail>.Failure(nameof(ComposeInput.Attachments), attachmentProblem);
        }

        var primary = found[input.To[0].CustomerId!.Value];
        var subject = MergeFieldRenderer.Render(input.Subject, primary, mailbox.SenderName);
        var body = MergeFieldRenderer.Render(input.Body, primary, mailbox.SenderName);
        if (MergeFailures(subject, body, primary) is { Count: > 0 } failures)
        {
            return Outcome<OutgoingMail>.Failure(failures);
        }

        return Outcome<OutgoingMail>.Success(new OutgoingMail
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
            AttachmentIds = input.Attachments.Select(a => a.FileId).Distinct().ToList(),
            InReplyTo = string.IsNullOrWhiteSpace(input.InReplyTo) ? null : input.InReplyTo.Trim(),
            ReferencesHeader = string.Join(' ', input.References.Where(r => r.Length > 0 && !TextRules.HasControlCharacters(r))),
            CreatedAt = time.GetUtcNow(),
        });
    }

    /// <summary>Stores a mail built here, queued or scheduled (the one insert), its files given to
    /// it in the same transaction. A file taken meanwhile (sent with another mail from a second
    /// tab, removed) refuses the whole mail: nothing is queued.</summary>
    public async Task<Outcome<long>> InsertAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            return Outcome<long>.Success(await outbox.InsertAsync(mail, cancellationToken));
        }
        catch (AttachmentsUnavailableException)
        {
            return Outcome<long>.Failure(nameof(ComposeInput.Attachments), text["AttachmentsUnavailable"]);
        }
    }

    /// <summary>Unknown tokens and empty fields of the primary recipient, each as a failure to show.</summary>
    public List<ValidationFailure> MergeFailures(MergeResult subject, MergeResult body, Customer primary)
    {
        var failures = subject.UnknownTokens.Union(body.UnknownTokens)
            .Select(t => new ValidationFailure(SendMailCommand.MergeProblem, text["MergeFieldUnknown", t]))
            .ToList();
        failures.AddRange(subject.EmptyFields.Union(body.EmptyFields)
            .Select(f => new ValidationFailure(SendMailCommand.MergeProblem, text["MergeFieldEmpty", f, primary.FullName]) { CustomState = primary.Id }));
        return failures;
    }

    /// <summary>The files as stored, not as the page says: each the actor's own loose file (another
    /// rep's upload id typed into the page is refused like a sent one), their real total within
    /// the limit. The insert checks ownership once more in its transaction.</summary>
    private async Task<string?> AttachmentProblemAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        if (input.Attachments.Count == 0)
        {
            return null;
        }

        var ids = input.Attachments.Select(a => a.FileId).Distinct().ToList();
        var files = await attachments.FindManyAsync(ids, cancellationToken);
        if (files.Count != ids.Count || files.Any(f => f.OwnerUserId != actor.Id || !f.IsLoose))
        {
            return text["AttachmentsUnavailable"];
        }

        var total = files.Sum(f => f.Size);
        return total > attachmentLimits.MaxTotalBytes ? ComposeInputValidator.TotalTooLarge(text, attachmentLimits.MaxTotalBytes, total) : null;
    }

    private static List<OutgoingRecipient> Recipients(ComposeInput input, Dictionary<long, Customer> customers)
    {
        // A customer's address comes from their record, not the page: what was shown is what is
        // stored. Colleagues and plain addresses are stored as typed (the validator checked them).
        // A colleague or address is sent to once, where it first appears (宛先, then Cc, then Bcc),
        // and not again when a customer has it.
        var seenCustomers = new HashSet<long>();
        var seenAddresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stored = new List<OutgoingRecipient>();
        foreach (var (kind, r) in input.To.Select(r => (RecipientKind.To, r))
                     .Concat(input.Cc.Select(r => (RecipientKind.Cc, r)))
                     .Concat(input.Bcc.Select(r => (RecipientKind.Bcc, r))))
        {
            var recipient = r.CustomerId is { } id
                ? new OutgoingRecipient(kind, id, customers[id].Email, customers[id].FullName)
                : new OutgoingRecipient(kind, null, r.Email.Trim(), r.DisplayName.Trim(), r.UserId);
            var addressIsNew = seenAddresses.Add(recipient.Email);
            if (recipient.CustomerId is { } customerId ? seenCustomers.Add(customerId) : addressIsNew)
            {
                stored.Add(recipient);
            }
        }

        return stored;
    }
}

using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;

namespace Digima.Core.Compose;

/// <summary>Starts the compose screen from an existing mail: 「返信」 (R16), 「複製」 (R21), and
/// 「全員に返信」 and 「転送」 (E5, in DraftFromMailQuery.ReplyAll.cs).</summary>
public sealed partial class DraftFromMailQuery(
    GetImportedMailQuery importedMail,
    IOutgoingMailRepository outbox,
    ICustomerRepository customers,
    IUserRepository users,
    IMailboxRepository mailboxes,
    IAttachmentStore attachments,
    TimeProvider time)
{
    /// <summary>A reply to an imported mail: to the customer who wrote it (or the customers our
    /// mail went to), one "Re: ", the original quoted, In-Reply-To and References set.</summary>
    /// <exception cref="NotFoundException">No such mail visible to the user.</exception>
    public async Task<ComposeInput> ReplyAsync(CurrentUser actor, long importedMailId, CancellationToken cancellationToken) =>
        await ReplyAsync(actor, (await importedMail.GetAsync(actor, importedMailId, cancellationToken)).Mail, cancellationToken);

    private async Task<ComposeInput> ReplyAsync(CurrentUser actor, ImportedMail mail, CancellationToken cancellationToken)
    {
        var roles = mail.Direction == MailDirection.Received ? [MailCustomerRole.From] : new[] { MailCustomerRole.To, MailCustomerRole.Cc };
        var input = new ComposeInput
        {
            To = await RecipientsAsync(mail.Customers.Where(c => roles.Contains(c.Role)), cancellationToken),
            Subject = ReplyDraft.Subject(mail.Subject),
            Body = ReplyDraft.QuotedBody(mail.BodyText, mail.FromName, mail.FromAddress, TimeZones.ToUserTime(mail.MailDate, actor.TimeZoneId)),
            InReplyTo = mail.MessageId.StartsWith("hash:", StringComparison.Ordinal) ? null : mail.MessageId,
        };
        input.References = input.InReplyTo is null ? [] : ReplyDraft.References(mail.References, mail.MessageId).ToList();
        return input;
    }

    /// <summary>A follow-up to a mail written in this app (「返信」 on the timeline): to the same
    /// customers, one "Re: ", the mail quoted, In-Reply-To and References continuing its thread.</summary>
    /// <exception cref="NotFoundException">No such mail, or another rep's.</exception>
    public async Task<ComposeInput> ReplyToSentAsync(CurrentUser actor, long outgoingMailId, CancellationToken cancellationToken)
    {
        var mail = await VisibleSentAsync(actor, outgoingMailId, cancellationToken);
        var author = mail.UserId == actor.Id ? null : await users.FindByIdAsync(mail.UserId, cancellationToken);
        var (name, address) = author is null ? (actor.DisplayName, actor.Email) : (author.DisplayName, author.Email);
        var input = new ComposeInput
        {
            To = await RecipientsAsync(mail.RecipientsOf(RecipientKind.To).CustomerIds(), cancellationToken),
            Cc = await RecipientsAsync(mail.RecipientsOf(RecipientKind.Cc).CustomerIds(), cancellationToken),
            Subject = ReplyDraft.Subject(mail.Subject),
            Body = ReplyDraft.QuotedBody(mail.BodyText, name, address, TimeZones.ToUserTime(mail.SentAt ?? mail.CreatedAt, actor.TimeZoneId)),
            InReplyTo = mail.MessageId,
        };
        input.References = ReplyDraft.References(mail.ReferencesHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries), mail.MessageId).ToList();
        return input;
    }

    /// <summary>A new mail with the same customers, subject and body as an imported mail.</summary>
    /// <exception cref="NotFoundException">No such mail visible to the user.</exception>
    public async Task<ComposeInput> DuplicateImportedAsync(CurrentUser actor, long importedMailId, CancellationToken cancellationToken)
    {
        var mail = (await importedMail.GetAsync(actor, importedMailId, cancellationToken)).Mail;
        return new ComposeInput
        {
            To = await RecipientsAsync(mail.Customers.Where(c => c.Role is MailCustomerRole.From or MailCustomerRole.To), cancellationToken),
            Cc = await RecipientsAsync(mail.Customers.Where(c => c.Role == MailCustomerRole.Cc), cancellationToken),
            Subject = mail.Subject,
            Body = mail.BodyText,
            Attachments = await CopyFilesAsync(actor, await attachments.ListForImportedAsync(importedMailId, cancellationToken), cancellationToken),
        };
    }

    /// <summary>A new mail like one written in this app, merge tokens kept, colleagues and plain
    /// addresses in Cc and Bcc kept as they were.</summary>
    /// <exception cref="NotFoundException">No such mail, or another rep's.</exception>
    public async Task<ComposeInput> DuplicateSentAsync(CurrentUser actor, long outgoingMailId, CancellationToken cancellationToken)
    {
        var mail = await VisibleSentAsync(actor, outgoingMailId, cancellationToken);
        return new ComposeInput
        {
            To = await StoredRecipientsAsync(mail.RecipientsOf(RecipientKind.To), cancellationToken),
            Cc = await StoredRecipientsAsync(mail.RecipientsOf(RecipientKind.Cc), cancellationToken),
            Bcc = await StoredRecipientsAsync(mail.RecipientsOf(RecipientKind.Bcc), cancellationToken),
            Subject = mail.SubjectTemplate.Length > 0 ? mail.SubjectTemplate : mail.Subject,
            Body = mail.BodyTemplate.Length > 0 ? mail.BodyTemplate : mail.BodyText,
            Attachments = await CopyFilesAsync(actor, await attachments.ListForOutgoingAsync(outgoingMailId, cancellationToken), cancellationToken),
        };
    }

    /// <summary>A mail taken back with 「送信を取り消す」, as the rep typed it: recipients, subject and
    /// body with their merge tokens, the tracking settings, and the thread it answered.</summary>
    /// <exception cref="NotFoundException">No such mail of the actor's (a manager's view does not
    /// count: only the author gets their mail back), or one that was not undone.</exception>
    public async Task<ComposeInput> UndoneAsync(CurrentUser actor, long outgoingMailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mail = await outbox.GetAsync(outgoingMailId, cancellationToken);
        if (mail is not { Status: MailStatus.Cancelled, ScheduledAt: null } || mail.UserId != actor.Id)
        {
            throw new NotFoundException($"Mail {outgoingMailId} is not an undone mail of this user.");
        }

        var input = await DuplicateSentAsync(actor, outgoingMailId, cancellationToken);
        input.OpenTracking = mail.OpenTracking;
        input.ClickTracking = mail.ClickTracking;
        input.NotifyOnOpen = mail.NotifyOnOpen;
        input.InReplyTo = mail.InReplyTo;
        input.References = mail.ReferencesHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        return input;
    }

    private async Task<OutgoingMail> VisibleSentAsync(CurrentUser actor, long outgoingMailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mail = await outbox.GetAsync(outgoingMailId, cancellationToken);
        return mail is null || (mail.UserId != actor.Id && !actor.IsManager)
            ? throw new NotFoundException($"Mail {outgoingMailId} does not exist.")
            : mail;
    }

    /// <summary>The files as new loose files of the actor's: the new mail takes its own copies, so
    /// sending (or deleting) it never touches the original's, and removing one in compose deletes
    /// only the copy.</summary>
    private async Task<List<ComposeAttachment>> CopyFilesAsync(CurrentUser actor, IReadOnlyList<StoredFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var copies = await attachments.CopyAsync(files.Select(f => f.Id).ToList(), actor.Id, time.GetUtcNow(), cancellationToken);
        return copies.Select(ComposeAttachment.From).ToList();
    }

    private Task<List<ComposeRecipient>> RecipientsAsync(IEnumerable<MailCustomerLink> links, CancellationToken cancellationToken) =>
        RecipientsAsync(links.Select(l => l.CustomerId), cancellationToken);

    /// <summary>A mail's stored recipients for a new draft: customers as their records are now (a
    /// deleted one is left out), colleagues and plain addresses as stored.</summary>
    private async Task<List<ComposeRecipient>> StoredRecipientsAsync(IEnumerable<OutgoingRecipient> stored, CancellationToken cancellationToken)
    {
        var list = stored.ToList();
        var byId = (await RecipientsAsync(list.CustomerIds(), cancellationToken)).ToDictionary(r => r.CustomerId!.Value);
        return list.Select(r => r.CustomerId is { } id ? byId.GetValueOrDefault(id) : r.AsComposed())
            .OfType<ComposeRecipient>()
            .DistinctBy(r => r.CustomerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? r.Email.ToLowerInvariant())
            .ToList();
    }

    private async Task<List<ComposeRecipient>> RecipientsAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var found = (await customers.GetManyAsync(wanted, cancellationToken)).ToDictionary(c => c.Id);
        return wanted.Where(found.ContainsKey).Select(id => new ComposeRecipient(id, found[id].Email, found[id].FullName)).ToList();
    }
}

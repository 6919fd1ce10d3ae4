using Digima.Core.Common;
using Digima.Core.MailImport;
using Digima.Core.Sending;

namespace Digima.Core.Compose;

/// <summary>「全員に返信」 and 「転送」 (E5), for imported mail and for mail written in this app.</summary>
public sealed partial class DraftFromMailQuery
{
    /// <summary>「全員に返信」 to an imported mail: 「返信」's draft (宛先 the sender when a customer),
    /// with everyone else of its 宛先 and Cc in Cc: customers as customers, others as plain
    /// addresses, the rep's own addresses left out. A sender who is no customer cannot be in 宛先
    /// (R4): they head the Cc so the reply still reaches them.</summary>
    /// <exception cref="NotFoundException">No such mail visible to the user.</exception>
    public async Task<ComposeInput> ReplyAllAsync(CurrentUser actor, long importedMailId, CancellationToken cancellationToken)
    {
        var mail = (await importedMail.GetAsync(actor, importedMailId, cancellationToken)).Mail;
        var input = await ReplyAsync(actor, mail, cancellationToken);
        var linked = await customers.GetManyAsync(mail.Customers.Select(c => c.CustomerId).Distinct().ToList(), cancellationToken);
        var byAddress = linked.GroupBy(c => c.Email.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var parties = mail.Direction == MailDirection.Received ? [new MailParty(mail.FromAddress, mail.FromName)] : new List<MailParty>();
        var others = parties.Concat(mail.To).Concat(mail.Cc)
            .Where(p => TextRules.IsEmailAddress(p.Address))
            .Select(p => byAddress.TryGetValue(p.Address.Trim(), out var c)
                ? new ComposeRecipient(c.Id, c.Email, c.FullName)
                : ComposeRecipient.Address(p.Address, p.Name));
        input.Cc = ReplyAllRecipients.Cc(input.To, others, await OwnAddressesAsync(actor, cancellationToken));
        return input;
    }

    /// <summary>「全員に返信」 to a mail written in this app: 「返信」's draft with every other 宛先 and Cc
    /// (colleagues and plain addresses too) in Cc, the rep's own addresses left out.</summary>
    /// <exception cref="NotFoundException">No such mail, or another rep's.</exception>
    public async Task<ComposeInput> ReplyAllToSentAsync(CurrentUser actor, long outgoingMailId, CancellationToken cancellationToken)
    {
        var input = await ReplyToSentAsync(actor, outgoingMailId, cancellationToken);
        var mail = await VisibleSentAsync(actor, outgoingMailId, cancellationToken);
        var others = await StoredRecipientsAsync(mail.Recipients.Where(r => r.Kind != RecipientKind.Bcc), cancellationToken);
        input.Cc = ReplyAllRecipients.Cc(input.To, input.Cc.Concat(others), await OwnAddressesAsync(actor, cancellationToken));
        return input;
    }

    /// <summary>「転送」 of an imported mail: 宛先 empty, one "Fwd: ", the mail under a header block; the
    /// thread is not continued; its stored attachments come along as the rep's own copies.</summary>
    /// <exception cref="NotFoundException">No such mail visible to the user.</exception>
    public async Task<ComposeInput> ForwardAsync(CurrentUser actor, long importedMailId, CancellationToken cancellationToken)
    {
        var mail = (await importedMail.GetAsync(actor, importedMailId, cancellationToken)).Mail;
        return new ComposeInput
        {
            Subject = ForwardDraft.Subject(mail.Subject),
            Body = ForwardDraft.QuotedBody(
                mail.BodyText,
                AddressText.Of(mail.FromName, mail.FromAddress),
                TimeZones.ToUserTime(mail.MailDate, actor.TimeZoneId),
                mail.Subject,
                mail.To.Select(p => AddressText.Of(p.Name, p.Address)).ToList(),
                mail.Cc.Select(p => AddressText.Of(p.Name, p.Address)).ToList()),
            ForwardOf = new ForwardedMail(ForwardedMailSource.Imported, mail.Id),
            Attachments = await CopyFilesAsync(actor, await attachments.ListForImportedAsync(mail.Id, cancellationToken), cancellationToken),
        };
    }

    /// <summary>「転送」 of a mail written in this app, as its recipients received it (Bcc not shown).</summary>
    /// <exception cref="NotFoundException">No such mail, or another rep's.</exception>
    public async Task<ComposeInput> ForwardSentAsync(CurrentUser actor, long outgoingMailId, CancellationToken cancellationToken)
    {
        var mail = await VisibleSentAsync(actor, outgoingMailId, cancellationToken);
        var author = mail.UserId == actor.Id ? null : await users.FindByIdAsync(mail.UserId, cancellationToken);
        var (name, address) = author is null ? (actor.DisplayName, actor.Email) : (author.DisplayName, author.Email);
        return new ComposeInput
        {
            Subject = ForwardDraft.Subject(mail.Subject),
            Body = ForwardDraft.QuotedBody(
                mail.BodyText,
                AddressText.Of(name, address),
                TimeZones.ToUserTime(mail.ShownAt, actor.TimeZoneId),
                mail.Subject,
                mail.RecipientsOf(RecipientKind.To).Select(r => AddressText.Of(r.DisplayName, r.Email)).ToList(),
                mail.RecipientsOf(RecipientKind.Cc).Select(r => AddressText.Of(r.DisplayName, r.Email)).ToList()),
            ForwardOf = new ForwardedMail(ForwardedMailSource.Outgoing, mail.Id),
            Attachments = await CopyFilesAsync(actor, await attachments.ListForOutgoingAsync(mail.Id, cancellationToken), cancellationToken),
        };
    }

    /// <summary>The addresses that are the rep's own: their sign-in address, their mailbox's sender
    /// address and its logins when those are addresses.</summary>
    private async Task<IReadOnlyList<string>> OwnAddressesAsync(CurrentUser actor, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.GetAsync(actor.Id, cancellationToken);
        return mailbox is null
            ? [actor.Email]
            : [actor.Email, mailbox.SenderAddress, mailbox.Smtp.UserName, mailbox.Imap.UserName];
    }
}

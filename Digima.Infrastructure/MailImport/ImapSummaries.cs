using Digima.Core.MailImport;
using MailKit;
using MimeKit;

namespace Digima.Infrastructure.MailImport;

/// <summary>MailKit's message summary as the import's <see cref="MailSummary"/>.</summary>
internal static class ImapSummaries
{
    public static MailSummary ToSummary(IMessageSummary summary)
    {
        var envelope = summary.Envelope;
        return new MailSummary(
            summary.UniqueId.Id,
            envelope?.MessageId,
            envelope?.Subject ?? "",
            Parties(envelope?.From),
            Parties(envelope?.To),
            Parties(envelope?.Cc),
            envelope?.Date,
            summary.InternalDate,
            envelope?.InReplyTo,
            summary.References?.ToList() ?? []);
    }

    public static IReadOnlyList<MailParty> Parties(InternetAddressList? list) =>
        list is null
            ? []
            : list.Mailboxes.Select(m => new MailParty(m.Address ?? "", m.Name ?? "")).Where(p => p.Address.Length > 0).ToList();
}

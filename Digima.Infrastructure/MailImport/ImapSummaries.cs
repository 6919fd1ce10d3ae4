using Digima.Core.MailImport;
using Digima.Core.Sending;
using MailKit;
using MimeKit;
using MimeKit.Utils;

namespace Digima.Infrastructure.MailImport;

/// <summary>The summary request and its reading as the import's <see cref="MailSummary"/>.</summary>
internal static class ImapSummaries
{
    /// <summary>The header fields themselves rather than ENVELOPE: MailKit refuses an ENVELOPE
    /// string over 4 KiB (a huge Subject would stop every later sync at that message), while a
    /// header section is read as a stream of any size. No BODYSTRUCTURE either: customer mail is
    /// fetched whole anyway, and the rest needs only these headers. No RFC822.SIZE: nothing reads it.
    /// Our own header tells a copy of our mail whose Message-ID a relay rewrote.</summary>
    public static readonly FetchRequest Request =
        new(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate)
        {
            Headers = Fields(),
        };

    private static HeaderSet Fields()
    {
        var fields = new HeaderSet([HeaderId.From, HeaderId.To, HeaderId.Cc, HeaderId.Bcc, HeaderId.Date, HeaderId.Subject, HeaderId.MessageId, HeaderId.InReplyTo, HeaderId.References]);
        fields.Add(MessageIds.OurHeader);
        fields.Add("Thread-Index");
        return fields;
    }

    public static MailSummary ToSummary(IMessageSummary summary)
    {
        var headers = summary.Headers ?? [];
        return new MailSummary(
            summary.UniqueId.Id,
            IdOf(headers[HeaderId.MessageId]),
            headers[HeaderId.Subject] ?? "",
            Addresses(headers, HeaderId.From),
            Addresses(headers, HeaderId.To),
            Addresses(headers, HeaderId.Cc),
            headers[HeaderId.Date] is { } date && DateUtils.TryParse(date, out var parsed) ? parsed : null,
            summary.InternalDate,
            IdOf(headers[HeaderId.InReplyTo]),
            headers[HeaderId.References] is { } references ? MimeUtils.EnumerateReferences(references).ToList() : [])
        {
            OurMessageId = IdOf(headers[MessageIds.OurHeader]),
            Bcc = Addresses(headers, HeaderId.Bcc),
            ThreadIndex = headers["Thread-Index"],
        };
    }

    public static IReadOnlyList<MailParty> Parties(InternetAddressList? list) =>
        list is null
            ? []
            : list.Mailboxes.Select(m => new MailParty(m.Address ?? "", m.Name ?? "")).Where(p => p.Address.Length > 0).ToList();

    private static IReadOnlyList<MailParty> Addresses(HeaderList headers, HeaderId id)
    {
        var parties = new List<MailParty>();
        foreach (var header in headers.Where(h => h.Id == id))
        {
            if (InternetAddressList.TryParse(header.RawValue, out var list))
            {
                parties.AddRange(Parties(list));
            }
        }

        return parties;
    }

    private static string? IdOf(string? value) =>
        value is null ? null : MimeUtils.EnumerateReferences(value).FirstOrDefault() ?? MailIdentity.Normalize(value);
}

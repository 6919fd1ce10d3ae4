using Digima.Core.MailImport;

namespace Digima.Infrastructure.Awaiting;

/// <summary>One customer_reply_state row of an imported batch: the batch's newest mail from the
/// customer (received, they are From) and from us (sent, they are To or Cc).</summary>
internal sealed record ReplyStateRow(long CustomerId, DateTimeOffset? InAt, long? InMailId, long? InUserId, DateTimeOffset? OutAt);

internal static class ReplyStateRows
{
    /// <param name="ids">The stored id of each inserted mail, by Message-ID.</param>
    public static IReadOnlyList<ReplyStateRow> From(IEnumerable<ImportedMail> mails, IReadOnlyDictionary<string, long> ids)
    {
        var rows = new Dictionary<long, ReplyStateRow>();
        foreach (var mail in mails)
        {
            var at = mail.MailDate.ToUniversalTime();
            foreach (var link in mail.Customers)
            {
                var row = rows.GetValueOrDefault(link.CustomerId) ?? new ReplyStateRow(link.CustomerId, null, null, null, null);
                if (mail.Direction == MailDirection.Received && link.Role == MailCustomerRole.From && (row.InAt is null || at > row.InAt))
                {
                    row = row with { InAt = at, InMailId = ids[mail.MessageId], InUserId = mail.UserId };
                }
                else if (mail.Direction == MailDirection.Sent && link.Role is MailCustomerRole.To or MailCustomerRole.Cc && (row.OutAt is null || at > row.OutAt))
                {
                    row = row with { OutAt = at };
                }

                rows[link.CustomerId] = row;
            }
        }

        return rows.Values.Where(r => r.InAt is not null || r.OutAt is not null).OrderBy(r => r.CustomerId).ToList();
    }
}

using System.Text.Json;
using Digima.Core.MailImport;

namespace Digima.Infrastructure.MailImport;

/// <summary>Database shapes of imported mail: JSON columns as text, enums as codes.</summary>
internal static class ImportedMailRows
{
    public const string ListColumns = """
        m.id, m.user_id, m.direction, m.subject, m.from_address, m.from_name, m.to_list::text AS to_json, m.mail_date,
        m.snippet, m.attachments <> '[]'::jsonb AS has_attachments, m.thread_key, m.is_private,
        pc.id AS customer_id, pc.last_name AS customer_last_name, pc.first_name AS customer_first_name
        """;

    /// <summary>The customer a list row names: the sender first, then a To, then a Cc customer.</summary>
    public const string ListCustomerJoin = """
        LEFT JOIN LATERAL (
            SELECT c.id, c.last_name, c.first_name FROM imported_mail_customers l JOIN customers c ON c.id = l.customer_id
            WHERE l.mail_id = m.id
            ORDER BY CASE l.role WHEN 'from' THEN 0 WHEN 'to' THEN 1 ELSE 2 END, c.id
            LIMIT 1) pc ON true
        """;

    public const string FullColumns = """
        m.id, m.user_id, m.message_id, m.direction, m.folder_kind, m.uid_validity, m.uid, m.subject, m.from_address, m.from_name,
        m.to_list::text AS to_json, m.cc_list::text AS cc_json, m.mail_date, m.snippet, m.body_text, m.body_html,
        m.attachments::text AS attachments_json, m.in_reply_to, m."references", m.thread_key, m.imported_at, m.is_private,
        (SELECT coalesce(json_agg(json_build_object('CustomerId', l.customer_id, 'Role', l.role)), '[]')
         FROM imported_mail_customers l WHERE l.mail_id = m.id)::text AS customers_json
        """;

    public static string Json<T>(T value) => JsonSerializer.Serialize(value);

    public static MailDirection Direction(string code) => code == "sent" ? MailDirection.Sent : MailDirection.Received;

    public static MailFolderKind Folder(string code) => code switch
    {
        "sent" => MailFolderKind.Sent,
        "other" => MailFolderKind.Other,
        _ => MailFolderKind.Inbox,
    };

    public static string Code(this MailCustomerRole role) => role.ToString().ToLowerInvariant();

    private static IReadOnlyList<T> List<T>(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json) ?? [];

    internal sealed class ListRow
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string Direction { get; set; } = "";
        public string Subject { get; set; } = "";
        public string FromAddress { get; set; } = "";
        public string FromName { get; set; } = "";
        public string ToJson { get; set; } = "[]";
        public DateTimeOffset MailDate { get; set; }
        public string Snippet { get; set; } = "";
        public bool HasAttachments { get; set; }
        public string ThreadKey { get; set; } = "";
        public long? CustomerId { get; set; }
        public string? CustomerLastName { get; set; }
        public string? CustomerFirstName { get; set; }
        public bool IsPrivate { get; set; }

        public ImportedMailRow ToRow() => new(
            Id, UserId, ImportedMailRows.Direction(Direction), Subject, FromAddress, FromName, List<MailParty>(ToJson), MailDate, Snippet, HasAttachments, ThreadKey,
            CustomerId, CustomerId is null ? null : string.Join(' ', new[] { CustomerLastName, CustomerFirstName }.Where(n => !string.IsNullOrEmpty(n))), IsPrivate);
    }

    internal sealed class FullRow
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string MessageId { get; set; } = "";
        public string Direction { get; set; } = "";
        public string FolderKind { get; set; } = "";
        public long UidValidity { get; set; }
        public long Uid { get; set; }
        public string Subject { get; set; } = "";
        public string FromAddress { get; set; } = "";
        public string FromName { get; set; } = "";
        public string ToJson { get; set; } = "[]";
        public string CcJson { get; set; } = "[]";
        public DateTimeOffset MailDate { get; set; }
        public string Snippet { get; set; } = "";
        public string BodyText { get; set; } = "";
        public string? BodyHtml { get; set; }
        public string AttachmentsJson { get; set; } = "[]";
        public string? InReplyTo { get; set; }
        public string[] References { get; set; } = [];
        public string ThreadKey { get; set; } = "";
        public DateTimeOffset ImportedAt { get; set; }
        public string CustomersJson { get; set; } = "[]";
        public bool IsPrivate { get; set; }

        public ImportedMail ToMail() => new()
        {
            Id = Id,
            UserId = UserId,
            MessageId = MessageId,
            Direction = ImportedMailRows.Direction(Direction),
            FolderKind = Folder(FolderKind),
            UidValidity = UidValidity,
            Uid = Uid,
            Subject = Subject,
            FromAddress = FromAddress,
            FromName = FromName,
            To = List<MailParty>(ToJson),
            Cc = List<MailParty>(CcJson),
            MailDate = MailDate,
            Snippet = Snippet,
            BodyText = BodyText,
            BodyHtml = BodyHtml,
            Attachments = List<MailAttachment>(AttachmentsJson),
            InReplyTo = InReplyTo,
            References = References,
            ThreadKey = ThreadKey,
            ImportedAt = ImportedAt,
            IsPrivate = IsPrivate,
            Customers = List<LinkRow>(CustomersJson).Select(l => new MailCustomerLink(l.CustomerId, Enum.Parse<MailCustomerRole>(l.Role, ignoreCase: true))).ToList(),
        };
    }

    internal sealed record LinkRow(long CustomerId, string Role);
}

namespace Digima.Infrastructure.Timeline;

/// <summary>Column lists shared by the timeline statements: a mail is read from the outbox (o) or
/// the imported mail (i); an event (e) may name an app mail (eo) for its subject.</summary>
internal static class TimelineSql
{
    public const string MailColumns = """
        COALESCE(o.user_id, i.user_id, e.user_id) AS rep_user_id, COALESCE(u.display_name, '') AS rep_name,
        COALESCE(o.subject, i.subject, eo.subject, '') AS subject,
        left(COALESCE(o.body_text, i.body_text, ''), 300) AS preview,
        o.status, COALESCE(o.retry_count, 0) AS retry_count, e.kind AS event_kind, COALESCE(e.detail, '') AS event_detail, COALESCE(i.is_private, false) AS is_private
        """;

    public const string BodyColumns = """
        COALESCE(i.from_name, u.display_name, '') AS from_name, COALESCE(i.from_address, u.email, '') AS from_address,
        COALESCE(i.to_list::text,
                 (SELECT json_agg(json_build_object('Address', r.email, 'Name', r.display_name) ORDER BY r.position)
                  FROM outgoing_mail_recipients r WHERE r.mail_id = o.id AND r.kind <> 'bcc')::text, '[]') AS to_json,
        COALESCE(o.body_text, i.body_text, '') AS body_text, i.body_html, COALESCE(i.attachments::text, '[]') AS attachments_json
        """;

    public const string Joins = """
        LEFT JOIN outgoing_mails o ON o.id = t.outgoing_mail_id
        LEFT JOIN imported_mails i ON i.id = t.imported_mail_id
        LEFT JOIN customer_events e ON e.id = t.event_id
        LEFT JOIN outgoing_mails eo ON eo.id = e.outgoing_mail_id
        LEFT JOIN users u ON u.id = COALESCE(o.user_id, i.user_id, e.user_id)
        LEFT JOIN mail_threads th ON th.message_id = t.message_id
        """;

    public const string ItemColumns = $"""
        t.id, t.occurred_at, t.direction, t.message_id, t.outgoing_mail_id, t.imported_mail_id, t.event_id, th.thread_id,
        {MailColumns}
        """;
}

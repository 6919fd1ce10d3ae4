namespace Digima.Infrastructure.Awaiting;

/// <summary>The one upsert of customer_reply_state (返信待ち), used by every statement that stores
/// mail: imported batches and app mail marked sent. Only newer mail moves a side (GREATEST), so an
/// older mail imported later, or the same mail seen twice, changes nothing.</summary>
internal static class ReplyStateSql
{
    /// <summary>The INSERT from <paramref name="rows"/>, a query giving one row per customer:
    /// (customer id, newest mail from them or null, its imported mail id, its rep, newest mail
    /// from us or null). Rows go in customer order so two imports never lock in opposite order.</summary>
    public static string Record(string rows) => $"""
        INSERT INTO customer_reply_state AS s (customer_id, last_in_at, last_in_mail_id, last_in_user_id, last_out_at)
        SELECT v.customer_id, v.in_at, v.in_mail_id, v.in_user_id, v.out_at
        FROM ({rows}) AS v(customer_id, in_at, in_mail_id, in_user_id, out_at)
        ORDER BY v.customer_id
        ON CONFLICT (customer_id) DO UPDATE SET
            last_in_mail_id = CASE WHEN s.last_in_at IS NULL OR EXCLUDED.last_in_at > s.last_in_at THEN EXCLUDED.last_in_mail_id ELSE s.last_in_mail_id END,
            last_in_user_id = CASE WHEN s.last_in_at IS NULL OR EXCLUDED.last_in_at > s.last_in_at THEN EXCLUDED.last_in_user_id ELSE s.last_in_user_id END,
            last_in_at = GREATEST(s.last_in_at, EXCLUDED.last_in_at),
            last_out_at = GREATEST(s.last_out_at, EXCLUDED.last_out_at)
        """;
}

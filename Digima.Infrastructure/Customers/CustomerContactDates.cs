namespace Digima.Infrastructure.Customers;

/// <summary>初回連絡日時 and 直近連絡日時 (R25): the one statement that moves them, used by the
/// outbox when the app's mail is sent and by the import when a rep's own mail is stored. The
/// earliest mail wins the first, the newest the last; repeating an update changes nothing.</summary>
internal static class CustomerContactDates
{
    /// <summary>The UPDATE of customers from <paramref name="rows"/>, a query (or CTE name) giving
    /// one row per customer: (customer id, earliest mail time, newest mail time).</summary>
    public static string Update(string rows) => $"""
        UPDATE customers c
        SET first_contact_at = LEAST(COALESCE(c.first_contact_at, v.first_at), v.first_at),
            last_contact_at = GREATEST(COALESCE(c.last_contact_at, v.last_at), v.last_at)
        FROM ({rows}) AS v(id, first_at, last_at)
        WHERE c.id = v.id
        """;
}

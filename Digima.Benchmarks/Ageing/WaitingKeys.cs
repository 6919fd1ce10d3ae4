using Dapper;
using Digima.Core.Awaiting;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>The keyset of every waiting customer, read once from customer_reply_state, to pick
/// deep pages: the cursor a rep would hold after paging down to a position, and that position
/// as the OFFSET the naive query needs to reach the same page.</summary>
internal sealed class WaitingKeys
{
    private readonly Dictionary<long, List<AwaitingReplyCursor>> _byRep;

    private WaitingKeys(List<(long Rep, AwaitingReplyCursor Key)> rows)
    {
        Everyone = rows.Select(r => r.Key).ToList();
        _byRep = rows.GroupBy(r => r.Rep).ToDictionary(g => g.Key, g => g.Select(r => r.Key).ToList());
        Waiting = Everyone.Select(k => k.CustomerId).ToHashSet();
    }

    public IReadOnlyList<AwaitingReplyCursor> Everyone { get; }

    public IReadOnlySet<long> Waiting { get; }

    public IReadOnlyList<AwaitingReplyCursor> Of(long? rep) => rep is { } id ? _byRep.GetValueOrDefault(id) ?? [] : Everyone;

    /// <summary>A page 70-90% down the list: the cursor before it and its offset.</summary>
    public (AwaitingReplyCursor After, int Offset) Deep(long? rep, Random random)
    {
        var keys = Of(rep);
        var offset = Math.Max(1, random.Next(keys.Count * 7 / 10, keys.Count * 9 / 10));
        return (keys[offset - 1], offset);
    }

    public static async Task<WaitingKeys> LoadAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(long Rep, DateTime At, long CustomerId)>("""
            SELECT last_in_user_id, last_in_at, customer_id FROM customer_reply_state
            WHERE waiting ORDER BY last_in_at, customer_id
            """);
        return new WaitingKeys(rows.Select(r => (r.Rep, new AwaitingReplyCursor(
            new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.CustomerId))).ToList());
    }
}

using Digima.Core.Awaiting;
using Digima.Core.Common;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>Before anything is timed: the state the recompute filled must agree with the naive
/// query over all mail (how many are waiting, and the first page of everyone's list and of a
/// rep's, product against naive). A difference fails the benchmark.</summary>
internal static class ConsistencyCheck
{
    public static async Task RunAsync(NpgsqlDataSource dataSource, ListAwaitingReplyQuery list, WaitingKeys keys, CurrentUser manager, CurrentUser rep, Action<string> log)
    {
        var naiveCount = await NaiveAwaiting.CountAsync(dataSource);
        if (naiveCount != keys.Everyone.Count)
        {
            throw new InvalidOperationException($"customer_reply_state has {keys.Everyone.Count:N0} waiting, the naive query {naiveCount:N0}.");
        }

        foreach (var actor in new[] { manager, rep })
        {
            var product = (await list.ListAsync(actor, null, null, CancellationToken.None)).Rows.Select(r => r.Record.CustomerId).ToList();
            var naive = await NaiveAwaiting.PageAsync(dataSource, actor.IsManager ? null : actor.Id, 0, ListAwaitingReplyQuery.PageSize, CancellationToken.None);
            if (product.Count != ListAwaitingReplyQuery.PageSize || !product.SequenceEqual(naive))
            {
                throw new InvalidOperationException(
                    $"{actor.DisplayName}'s first page: product [{string.Join(", ", product)}], naive [{string.Join(", ", naive)}].");
            }
        }

        log($"consistent: {naiveCount:N0} waiting by both; the first pages of everyone and of {rep.DisplayName} are the same customers in the same order");
    }
}

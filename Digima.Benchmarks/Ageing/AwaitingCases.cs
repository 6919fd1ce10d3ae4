using Digima.Core.Awaiting;
using Digima.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Digima.Benchmarks.Ageing;

/// <summary>The timed 返信待ち calls: the page (ListAwaitingReplyQuery) for a rep and a manager,
/// first and deep, and the chips of a customer-list page (GetAwaitingRepliesQuery), all through
/// the use cases the pages call; and the naive query's first and deep pages. Reps take turns, a
/// deep page is a random one 70-90% down the list; every call checks its answer.</summary>
internal sealed class AwaitingCases(IServiceProvider services, WaitingKeys keys, IReadOnlyList<CurrentUser> reps, CurrentUser manager, int customers, int seed)
{
    public const double GoalP95Ms = 20;
    private const int ChipPage = 25;

    private readonly ListAwaitingReplyQuery _list = services.GetRequiredService<ListAwaitingReplyQuery>();
    private readonly GetAwaitingRepliesQuery _chips = services.GetRequiredService<GetAwaitingRepliesQuery>();
    private readonly Random _random = new(seed);
    private int _turn;

    public IReadOnlyList<QueryCase> Product() =>
    [
        new("rep, first page (ListAwaitingReplyQuery)", ct => PageAsync(NextRep(), deep: false, ct), GoalP95Ms),
        new("rep, deep page 70-90% in (ListAwaitingReplyQuery)", ct => PageAsync(NextRep(), deep: true, ct), GoalP95Ms),
        new("manager, first page, everyone (ListAwaitingReplyQuery)", ct => PageAsync(manager, deep: false, ct), GoalP95Ms),
        new("manager, deep page 70-90% in, everyone (ListAwaitingReplyQuery)", ct => PageAsync(manager, deep: true, ct), GoalP95Ms),
        new($"chips of a customer-list page of {ChipPage} (GetAwaitingRepliesQuery)", ChipsAsync, null),
    ];

    public IReadOnlyList<QueryCase> Naive(NpgsqlDataSource dataSource) =>
    [
        new("naive NOT EXISTS, rep, first page", ct => NaiveAsync(dataSource, NextRep(), deep: false, ct), null),
        new("naive NOT EXISTS, rep, deep page (OFFSET)", ct => NaiveAsync(dataSource, NextRep(), deep: true, ct), null),
        new("naive NOT EXISTS, everyone, first page", ct => NaiveAsync(dataSource, manager, deep: false, ct), null),
        new("naive NOT EXISTS, everyone, deep page (OFFSET)", ct => NaiveAsync(dataSource, manager, deep: true, ct), null),
    ];

    private CurrentUser NextRep() => reps[_turn++ % reps.Count];

    private static long? ListOf(CurrentUser actor) => actor.IsManager ? null : actor.Id;

    private async Task PageAsync(CurrentUser actor, bool deep, CancellationToken cancellationToken)
    {
        var list = keys.Of(ListOf(actor));
        var (after, offset) = deep ? keys.Deep(ListOf(actor), _random) : (null, 0);
        var page = await _list.ListAsync(actor, null, after, cancellationToken);
        Expect(page.Rows.Select(r => r.Record.CustomerId), list.Skip(offset).Take(ListAwaitingReplyQuery.PageSize).Select(k => k.CustomerId), $"{actor.DisplayName}'s page at {offset}");
    }

    private async Task NaiveAsync(NpgsqlDataSource dataSource, CurrentUser actor, bool deep, CancellationToken cancellationToken)
    {
        var list = keys.Of(ListOf(actor));
        var offset = deep ? keys.Deep(ListOf(actor), _random).Offset : 0;
        var ids = await NaiveAwaiting.PageAsync(dataSource, ListOf(actor), offset, ListAwaitingReplyQuery.PageSize, cancellationToken);
        Expect(ids, list.Skip(offset).Take(ListAwaitingReplyQuery.PageSize).Select(k => k.CustomerId), $"naive, {actor.DisplayName}'s page at {offset}");
    }

    private async Task ChipsAsync(CancellationToken cancellationToken)
    {
        var first = _random.NextInt64(1, Math.Max(2, customers - ChipPage + 2));
        var ids = Enumerable.Range(0, ChipPage).Select(i => first + i).ToList();
        var chips = await _chips.GetAsync(NextRep(), ids, cancellationToken);
        Expect(chips.Keys.Order(), ids.Where(keys.Waiting.Contains), $"chips of customers {first}-{first + ChipPage - 1}");
    }

    /// <summary>Both the product and the naive query must give the customers customer_reply_state
    /// holds for that page: a difference fails the benchmark.</summary>
    private static void Expect(IEnumerable<long> got, IEnumerable<long> expected, string what)
    {
        var g = got.ToList();
        var e = expected.ToList();
        if (!g.SequenceEqual(e))
        {
            throw new InvalidOperationException(
                $"{what}: got [{string.Join(", ", g.Take(5))}...] ({g.Count}), expected [{string.Join(", ", e.Take(5))}...] ({e.Count}).");
        }
    }
}

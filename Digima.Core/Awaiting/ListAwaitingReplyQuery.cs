using Digima.Core.Common;
using Digima.Core.Scheduling.Calendar;

namespace Digima.Core.Awaiting;

/// <summary>The 返信待ち page (B8): customers whose newest mail has no later mail from us, oldest
/// first, a page at a time (keyset: a deep page costs what the first does). A rep sees the mail
/// in their own mailbox; a manager everyone's, or one rep's.</summary>
public sealed class ListAwaitingReplyQuery(IAwaitingReplyQueries queries, IBusinessCalendarRepository calendar, TimeProvider time)
{
    public const int PageSize = 25;

    /// <param name="repUserId">A manager's filter (null: everyone); a rep's own id or null.</param>
    /// <exception cref="ArgumentNullException">No actor.</exception>
    /// <exception cref="ForbiddenException">A rep asked for another rep's list.</exception>
    public Task<AwaitingReplyPage> ListAsync(CurrentUser actor, long? repUserId, AwaitingReplyCursor? after, CancellationToken cancellationToken) =>
        ListAsync(actor, repUserId, null, after, cancellationToken);

    /// <param name="ages">Only customers waiting this many business days (the dashboard's bars); null: all.</param>
    /// <exception cref="ArgumentNullException">No actor.</exception>
    /// <exception cref="ForbiddenException">A rep asked for another rep's list.</exception>
    public async Task<AwaitingReplyPage> ListAsync(CurrentUser actor, long? repUserId, AwaitingAgeRange? ages, AwaitingReplyCursor? after, CancellationToken cancellationToken)
    {
        var rep = RepView.Scope(actor, repUserId);
        var days = await calendar.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        (DateTimeOffset, DateTimeOffset)? window = null;
        if (ages is not null)
        {
            // The ages become the days their mail came in, then that time in the viewer's zone.
            if (ages.Days(days, DateOnly.FromDateTime(TimeZones.ToUserTime(now, actor.TimeZoneId).DateTime)) is not var (oldest, newest))
            {
                return new AwaitingReplyPage([], null);
            }

            window = (oldest is { } o ? TimeZones.StartOfDay(o, actor.TimeZoneId) : DateTimeOffset.MinValue, TimeZones.StartOfDay(newest.AddDays(1), actor.TimeZoneId));
        }

        var records = await queries.ListAsync(rep, after, PageSize + 1, cancellationToken, window);
        var page = records.Take(PageSize).ToList();
        var next = records.Count > PageSize ? new AwaitingReplyCursor(page[^1].ReceivedAt, page[^1].CustomerId) : null;
        var rows = AwaitingReplyAge.Apply(page, days, actor, now);
        return new AwaitingReplyPage(rows, next);
    }
}

namespace Digima.Core.Scheduling.Calendar;

/// <summary>The company's calendar, for every signed-in user: 予約送信 warns by it and
/// 「翌営業日 9:00」 skips its closed days. Read each time: a manager's change shows at once on
/// every node, and the read is one small query.</summary>
public sealed class GetBusinessCalendarQuery(IBusinessCalendarRepository repository)
{
    public Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken) => repository.GetAsync(cancellationToken);
}

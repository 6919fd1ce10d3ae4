using Digima.Core.LiveUpdates;

namespace Digima.Core.MailImport.Privacy;

/// <summary>Mail imported for a customer a colleague registered lately may be the rep's private
/// mail (anyone may register any address): the rep is told under the bell, once per customer,
/// and may make it private from there. The sync and the backfill both tell.</summary>
internal static class ColleagueCustomerNotices
{
    public static async Task NoticeAsync(
        IMailPrivacyRepository privacy, ILiveEvents live, TimeProvider time, long userId, IReadOnlyCollection<long> customers,
        CancellationToken cancellationToken)
    {
        if (customers.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var created = await privacy.NoticeColleaguesCustomersAsync(userId, customers, now - MailPrivacyRules.RecentCustomerWindow, now, cancellationToken);
        foreach (var id in created)
        {
            await live.PublishAsync(new NotificationCreated(id, userId), cancellationToken);
        }
    }
}

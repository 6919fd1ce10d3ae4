using Digima.Core.Common;

namespace Digima.Core.Timeline;

/// <summary>Who reads a private mail on timelines and threads: its rep and managers. Everyone
/// else sees that it exists (date, direction, rep) and nothing of its content. Applied by every
/// timeline use case, so no screen can show more than this allows.</summary>
internal static class PrivateMailVisibility
{
    public static bool MayRead(TimelineItem item, CurrentUser actor) => MayRead(item.IsPrivate, item.RepUserId, actor);

    public static bool MayRead(bool isPrivate, long? repUserId, CurrentUser actor) =>
        !isPrivate || actor.IsManager || repUserId == actor.Id;

    public static TimelineItem Apply(TimelineItem item, CurrentUser actor) =>
        MayRead(item, actor) ? item : item with { Subject = "", Preview = "", MessageId = null, ThreadId = null, IsHidden = true };

    public static TimelineMail Apply(TimelineMail mail, CurrentUser actor) =>
        MayRead(mail.Item, actor)
            ? mail
            : mail with { Item = Apply(mail.Item, actor), FromName = "", FromAddress = "", To = [], BodyText = "", BodyHtml = null };

    public static IReadOnlyList<TimelineItem> Apply(IEnumerable<TimelineItem> items, CurrentUser actor) =>
        items.Select(i => Apply(i, actor)).ToList();
}

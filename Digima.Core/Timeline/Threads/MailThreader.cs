namespace Digima.Core.Timeline.Threads;

/// <summary>Groups mail into threads (R15, R17) with the first steps of Jamie Zawinski's
/// algorithm: every Message-ID named anywhere gets a container, References chains link
/// containers parent to child (a mail's own last reference wins over what other mails say),
/// and loops are refused. A mail whose normalized subject differs from its nearest stored
/// ancestor's starts a thread of its own. Mails are not grouped by subject alone.
/// <para>The thread id is the Message-ID of the thread's top container, which may be a mail not
/// (yet) stored: so a child stored before its parent already carries the id the parent will
/// have, and the result depends only on the set of mails, never on their arrival order.</para></summary>
public static class MailThreader
{
    /// <summary>The thread id of every given mail, keyed by Message-ID.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<ThreadMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var ordered = messages.DistinctBy(m => m.MessageId).OrderBy(m => m.Date).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        var containers = new Dictionary<string, Container>(StringComparer.Ordinal);
        Container Get(string id) => containers.TryGetValue(id, out var c) ? c : containers[id] = new Container(id);

        foreach (var message in ordered)
        {
            Get(message.MessageId).Message = message;
        }

        // A mail's own References say who its parent is; that beats what other mails imply.
        foreach (var message in ordered)
        {
            var self = Get(message.MessageId);
            var ancestors = message.Ancestors.Where(a => a != message.MessageId).ToList();
            if (ancestors.Count > 0)
            {
                TryLink(Get(ancestors[^1]), self, replace: true);
            }
        }

        foreach (var message in ordered)
        {
            var chain = message.Ancestors.Where(a => a != message.MessageId).ToList();
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                TryLink(Get(chain[i]), Get(chain[i + 1]), replace: false);
            }
        }

        return ordered.ToDictionary(m => m.MessageId, m => ThreadOf(containers[m.MessageId]), StringComparer.Ordinal);
    }

    private static void TryLink(Container parent, Container child, bool replace)
    {
        if (parent == child || (child.Parent is not null && !replace) || IsAncestor(child, parent))
        {
            return;
        }

        child.Parent = parent;
    }

    private static bool IsAncestor(Container candidate, Container of)
    {
        for (var c = of; c is not null; c = c.Parent)
        {
            if (c == candidate)
            {
                return true;
            }
        }

        return false;
    }

    private static string ThreadOf(Container start)
    {
        var current = start;
        while (true)
        {
            var above = current.Parent;
            while (above is { Message: null, Parent: not null })
            {
                above = above.Parent;
            }

            if (above is null)
            {
                return current.Id;
            }

            if (above.Message is null)
            {
                // Only placeholders above: the thread is named after the topmost one.
                return above.Id;
            }

            if (current.Message is { } mine && SubjectKey.Of(mine.Subject) is { Length: > 0 } key
                && SubjectKey.Of(above.Message.Subject) is { Length: > 0 } parentKey && key != parentKey)
            {
                return current.Id;
            }

            current = above;
        }
    }

    private sealed class Container(string id)
    {
        public string Id { get; } = id;
        public ThreadMessage? Message { get; set; }
        public Container? Parent { get; set; }
    }
}

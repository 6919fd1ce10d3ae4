using Digima.Core.Timeline.Threads;

namespace Digima.Tests.Core.Timeline;

public sealed class ThreadIndexTests
{
    private static readonly DateTimeOffset Began = DateTimeOffset.UtcNow.AddDays(-3);

    [Fact]
    public void NewConversation_IsAHeaderBlockStartingWithItsTime()
    {
        var index = ThreadIndex.NewConversation(Began, Guid.NewGuid());

        Assert.Equal(ThreadIndex.HeaderLength, index.Length);
        Assert.Equal(BitConverter.GetBytes(Began.ToFileTime()).Reverse().Take(6), index.Take(6));
        Assert.Empty(ThreadIndex.AncestorPrefixes(index));
    }

    [Fact]
    public void Reply_AddsOneBlock_AndItsPrefixesAreItsAncestorsNearestFirst()
    {
        var root = ThreadIndex.NewConversation(Began, Guid.NewGuid());
        var reply = ThreadIndex.Reply(root, Began.AddHours(2), 7);
        var replyToReply = ThreadIndex.Reply(reply, Began.AddDays(1), 9);

        Assert.Equal(root.Length + ThreadIndex.BlockLength, reply.Length);
        Assert.Equal(root, reply[..root.Length]);
        Assert.Equal([reply, root], ThreadIndex.AncestorPrefixes(replyToReply));
        // Later replies carry a larger time since the conversation began.
        Assert.True(BitConverter.ToUInt32(replyToReply[^5..^1].Reverse().ToArray()) > BitConverter.ToUInt32(reply[^5..^1].Reverse().ToArray()));
    }

    [Fact]
    public void Parse_WellFormedRoundTrips_MalformedIsNull()
    {
        var reply = ThreadIndex.Reply(ThreadIndex.NewConversation(Began, Guid.NewGuid()), Began.AddMinutes(5), 1);

        Assert.Equal(reply, ThreadIndex.Parse(" " + ThreadIndex.Format(reply) + " "));
        Assert.Null(ThreadIndex.Parse(null));
        Assert.Null(ThreadIndex.Parse("not base64!"));
        Assert.Null(ThreadIndex.Parse(Convert.ToBase64String(new byte[21])));
        Assert.Null(ThreadIndex.Parse(Convert.ToBase64String(new byte[24])));
        Assert.Throws<ArgumentException>(() => ThreadIndex.Reply(new byte[23], Began, 0));
    }
}

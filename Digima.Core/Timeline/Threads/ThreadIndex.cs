using System.Buffers.Binary;

namespace Digima.Core.Timeline.Threads;

/// <summary>Outlook's Thread-Index header ([MS-OXOMSG] conversation index): a 22-byte header block
/// naming the conversation (the top six bytes of the FILETIME it began, a GUID), then one 5-byte
/// block per reply. A reply's index is its parent's with a block added, and Outlook and Exchange
/// keep it where a client or relay drops References or rewrites Message-ID: so the mail whose
/// index is the longest such prefix of a mail's is its parent.</summary>
public static class ThreadIndex
{
    public const int HeaderLength = 22;
    public const int BlockLength = 5;

    /// <summary>The index of a header value; null when it is not base64 of a header block and whole
    /// reply blocks (a malformed index must never join a conversation).</summary>
    public static byte[]? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var buffer = new byte[header.Length];
        return Convert.TryFromBase64String(header.Trim(), buffer, out var length) && IsWellFormed(length)
            ? buffer[..length]
            : null;
    }

    /// <summary>The prefixes that could be the index of an ancestor, nearest (longest) first;
    /// none for a conversation's first mail.</summary>
    public static IReadOnlyList<byte[]> AncestorPrefixes(byte[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var prefixes = new List<byte[]>();
        for (var length = index.Length - BlockLength; length >= HeaderLength; length -= BlockLength)
        {
            prefixes.Add(index[..length]);
        }

        return prefixes;
    }

    /// <summary>The index of a mail that starts a conversation.</summary>
    public static byte[] NewConversation(DateTimeOffset at, Guid conversation)
    {
        var index = new byte[HeaderLength];
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, at.ToFileTime());
        time[..6].CopyTo(index);
        conversation.TryWriteBytes(index.AsSpan(6), bigEndian: true, out _);
        return index;
    }

    /// <summary>The index of a reply to the mail with <paramref name="parent"/>: the parent's with a
    /// block for the time since the conversation began (its low bits random, as Outlook's are).</summary>
    public static byte[] Reply(byte[] parent, DateTimeOffset at, int random)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (!IsWellFormed(parent))
        {
            throw new ArgumentException("Not a conversation index.", nameof(parent));
        }

        Span<byte> time = stackalloc byte[8];
        time.Clear();
        parent.AsSpan(0, 6).CopyTo(time);
        var began = BinaryPrimitives.ReadInt64BigEndian(time);
        // The first bit (delta code 0) and 31 bits of the time since then in units of 2^18 ticks.
        var delta = (uint)((Math.Max(0, at.ToFileTime() - began) >> 18) & 0x7FFF_FFFF);
        var index = new byte[parent.Length + BlockLength];
        parent.CopyTo(index, 0);
        BinaryPrimitives.WriteUInt32BigEndian(index.AsSpan(parent.Length), delta);
        index[^1] = (byte)random;
        return index;
    }

    public static string Format(byte[] index) => Convert.ToBase64String(index);

    /// <summary>A header block and whole reply blocks.</summary>
    public static bool IsWellFormed(byte[]? index) => index is not null && IsWellFormed(index.Length);

    private static bool IsWellFormed(int length) => length >= HeaderLength && (length - HeaderLength) % BlockLength == 0;
}

using Digima.Core.Compose;

namespace Digima.Blazor;

/// <summary>How large a message the browser may send over the circuit.</summary>
internal static class CircuitLimits
{
    /// <summary>Every input event of the body field carries the whole body, so one message must
    /// hold <see cref="ComposeInputValidator.MaxBodyLength"/> characters. SignalR's default (32 KB)
    /// dropped the circuit, and the text typed, at about 16,000 Latin or 5,500 Japanese characters.
    /// A UTF-16 character is at most 3 bytes of UTF-8 (a surrogate pair is 4 bytes for 2), and the
    /// value is JSON inside the circuit's message, where a control character such as a tab becomes
    /// up to 6 bytes: 6 bytes a character is the worst case, plus room for the envelope.</summary>
    public const long MaximumReceiveMessageSize = ComposeInputValidator.MaxBodyLength * 6L + 64 * 1024;
}

using System.ComponentModel.DataAnnotations;
using Digima.Core.Compose;

namespace Digima.Blazor.Circuits;

/// <summary><c>Digima:Circuits</c>: what one node keeps for its open tabs. Blazor Server holds a
/// circuit (the page's components and state) per open tab in the node's memory, and keeps a
/// disconnected one for a while so a dropped connection can resume it; these limits bound that
/// memory. The defaults come from <c>./digima bench circuits</c> (docs/benchmarks.md, decision 0029).</summary>
public sealed class CircuitLimits : IValidatableObject
{
    public const string Section = "Digima:Circuits";

    /// <summary>Every input event of the body field carries the whole body, so one message must
    /// hold <see cref="ComposeInputValidator.MaxBodyLength"/> characters. SignalR's default (32 KB)
    /// dropped the circuit, and the text typed, at about 16,000 Latin or 5,500 Japanese characters.
    /// A UTF-16 character is at most 3 bytes of UTF-8 (a surrogate pair is 4 bytes for 2), and the
    /// value is JSON inside the circuit's message, where a control character such as a tab becomes
    /// up to 6 bytes: 6 bytes a character is the worst case, plus room for the envelope.</summary>
    public const long MinimumReceiveMessageSize = ComposeInputValidator.MaxBodyLength * 6L + 64 * 1024;

    /// <summary>How long a tab whose connection dropped (sleep, network change, a node's proxy
    /// reconnecting) can come back to the same circuit, its unsaved state intact. Compose saves
    /// its draft as the rep types, so past this a reload loses nothing but the scroll position.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Disconnected circuits kept at most; past it the oldest is dropped first. Each one
    /// costs what a connected one does, so this bounds the memory that closed laptops can hold.</summary>
    [Range(0, 100_000)]
    public int DisconnectedMaxRetained { get; set; } = 200;

    /// <summary>Renders sent to a tab that has not yet acknowledged them before the node stops
    /// rendering for it: a slow or stalled browser holds at most this many diffs in memory.</summary>
    [Range(1, 100)]
    public int MaxBufferedRenderBatches { get; set; } = 10;

    /// <summary>The largest message a tab may send over its circuit (bytes). Never below
    /// <see cref="MinimumReceiveMessageSize"/>: the compose body must fit in one message.</summary>
    public long MaximumReceiveMessageSize { get; set; } = MinimumReceiveMessageSize;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaximumReceiveMessageSize < MinimumReceiveMessageSize)
        {
            yield return new ValidationResult(
                $"must be at least {MinimumReceiveMessageSize} bytes: a compose body at its length limit must fit in one message",
                [nameof(MaximumReceiveMessageSize)]);
        }
    }
}

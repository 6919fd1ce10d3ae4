namespace Digima.Core.Compose.Drafts;

/// <summary>Everything a 「下書き」 brings back: the whole <see cref="ComposeInput"/> (so what is
/// added to it later travels with the draft unchanged) and the compose page's own state.</summary>
public sealed class DraftContent
{
    public ComposeInput Input { get; set; } = new();

    /// <summary>What the rep started from: a reply keeps its heading and its quote.</summary>
    public DraftKind Kind { get; set; }

    /// <summary>「署名を挿入」 as the rep left it.</summary>
    public bool SignatureOn { get; set; }

    /// <summary>A reply's quote, above which the signature goes; null for a new mail.</summary>
    public string? ReplyQuote { get; set; }
}

/// <summary>Stored as its number: new kinds go at the end.</summary>
public enum DraftKind
{
    New,
    Reply,
    Duplicate,
    ReplyAll,
    Forward,
}

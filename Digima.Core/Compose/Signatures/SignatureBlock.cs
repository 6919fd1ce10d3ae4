namespace Digima.Core.Compose.Signatures;

/// <summary>Where the rep's 「署名」 goes in a body. As in Japanese business mail it comes under the
/// text after one blank line (ruled lines such as ━━━ belong to the rep's own signature) and, in a
/// reply, above the quoted mail. What is inserted is exactly <see cref="Separator"/> followed by the
/// signature, so the block can be found again and taken out without touching the rep's text.</summary>
public static class SignatureBlock
{
    /// <summary>A blank line between the text and the signature.</summary>
    public const string Separator = "\n\n";

    /// <summary>CR/LF and lone CR become LF, trailing spaces of each line and blank lines around the
    /// signature go: the stored text is the text inserted, whatever browser or OS typed it.</summary>
    public static string Normalize(string? text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim('\n');
    }

    /// <summary>Inserts the signature once: above <paramref name="quote"/> while the body still holds
    /// it, else at the end. Unchanged when the text above the quote already holds the signature
    /// (a re-opened draft, a template saved with it).</summary>
    public static string Insert(string body, string signature, string? quote)
    {
        if (signature.Length == 0 || IsIntact(body, signature, quote))
        {
            return body;
        }

        return body.Insert(QuoteStart(body, quote), Separator + signature);
    }

    /// <summary>The body without the signature, or null when the signature's text is no longer
    /// there as inserted: the rep edited it, and edited text is theirs, never deleted for them.</summary>
    public static string? Remove(string body, string signature, string? quote)
    {
        if (signature.Length == 0)
        {
            return body;
        }

        var above = body[..QuoteStart(body, quote)];
        var at = above.LastIndexOf(Separator + signature, StringComparison.Ordinal);
        if (at >= 0)
        {
            return body.Remove(at, Separator.Length + signature.Length);
        }

        // The blank line was removed but the signature itself is untouched.
        at = above.LastIndexOf(signature, StringComparison.Ordinal);
        return at < 0 ? null : body.Remove(at, signature.Length);
    }

    /// <summary>True when the text above the quote holds the signature exactly as inserted. The
    /// quote is left out: a reply to our own mail quotes its signature, which must not count.</summary>
    public static bool IsIntact(string body, string signature, string? quote) =>
        signature.Length > 0 && body.AsSpan(0, QuoteStart(body, quote)).Contains(signature, StringComparison.Ordinal);

    private static int QuoteStart(string body, string? quote)
    {
        var at = string.IsNullOrEmpty(quote) ? -1 : body.LastIndexOf(quote, StringComparison.Ordinal);
        return at < 0 ? body.Length : at;
    }
}

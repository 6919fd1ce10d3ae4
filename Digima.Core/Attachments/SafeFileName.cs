namespace Digima.Core.Attachments;

/// <summary>A file name safe to store and to offer as a download: no path, no control characters
/// (CR/LF would split a header), no characters Windows refuses, not empty, not too long. Japanese
/// and other letters stay as they are.</summary>
public static class SafeFileName
{
    public const int MaxLength = 200;
    public const string Fallback = "attachment";

    public static string From(string? name)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormC))
        {
            kept.Append(char.IsControl(c) || "<>:\"|?*".Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var clean = kept.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            return Fallback;
        }

        return clean.Length <= MaxLength ? clean : Shorten(clean);
    }

    /// <summary>Keeps the extension: it tells the rep (and their computer) what the file is.</summary>
    private static string Shorten(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name[dot..] : "";
        var stem = name[..(MaxLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem + extension;
    }
}

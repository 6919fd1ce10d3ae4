using System.Text;

namespace Digima.Infrastructure.Database;

/// <summary>Names Japanese mail gives its charsets that neither .NET nor MimeKit know: Outlook and
/// Java label Shift_JIS with Microsoft's extensions "windows-31j" or "ms932", Unix mailers write
/// "eucjp" or "euc_jp", and old clients "jis" or the ISO-2022-JP variants. Without these a body
/// so labelled decodes as Latin-1 (garbled); its encoded-word subject decoded only because the
/// parser falls back to Shift_JIS. The names .NET and MimeKit already map (cp932, x-sjis,
/// shift-jis, sjis, x-euc-jp, csISO2022JP, ...) are left to them.</summary>
internal sealed class JapaneseCharsetAliases : EncodingProvider
{
    private const int ShiftJis = 932; // Microsoft's Shift_JIS: NEC and IBM extensions (①, 髙).
    private const int EucJp = 51932;
    private const int Iso2022Jp = 50220;
    private const int Iso2022JpMicrosoft = 50221; // With half-width katakana.

    private static readonly Dictionary<string, int> CodePages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["windows-31j"] = ShiftJis,
        ["ms932"] = ShiftJis,
        ["ms-932"] = ShiftJis,
        ["windows_31j"] = ShiftJis,
        ["shift_jisx0213"] = ShiftJis,
        ["eucjp"] = EucJp,
        ["euc_jp"] = EucJp,
        ["eucjp-ms"] = EucJp,
        ["euc-jp-ms"] = EucJp,
        ["cseucjp"] = EucJp,
        ["iso2022jp"] = Iso2022Jp,
        ["iso_2022_jp"] = Iso2022Jp,
        ["jis"] = Iso2022Jp,
        ["iso-2022-jp-1"] = Iso2022Jp,
        ["iso-2022-jp-2"] = Iso2022Jp,
        ["iso-2022-jp-3"] = Iso2022Jp,
        ["x-windows-iso2022jp"] = Iso2022JpMicrosoft,
        ["iso-2022-jp-ms"] = Iso2022JpMicrosoft,
    };

    public static IReadOnlyCollection<string> Names => CodePages.Keys;

    public override Encoding? GetEncoding(int codepage) => null;

    public override Encoding? GetEncoding(string name) =>
        CodePages.TryGetValue(name.Trim().Trim('"'), out var codePage) ? Encoding.GetEncoding(codePage) : null;
}

using System.Text;

namespace Digima.Infrastructure.Database;

/// <summary>Shift_JIS, EUC-JP and ISO-2022-JP come from the code-pages provider. MimeKit builds its
/// charset table once, the first time it is used, so the provider must be registered before any
/// mail is parsed or built: otherwise Japanese mail decodes as Latin-1 for the life of the process.
/// The aliases of <see cref="JapaneseCharsetAliases"/> come with them.</summary>
public static class EncodingSetup
{
    private static readonly JapaneseCharsetAliases Aliases = new();

    public static void RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding.RegisterProvider(Aliases);
    }
}

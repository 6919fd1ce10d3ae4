using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Digima.Tests.Blazor.Shared;

/// <summary>The text of every resource file, Japanese (the default) and English, as a user reads it.</summary>
public sealed partial class ResourceTextTests
{
    public static TheoryData<string> Resources() =>
    [
        "Digima.Blazor.Resources.UiText", "Digima.Blazor.Resources.MailboxText", "Digima.Blazor.Resources.TemplateText",
        "Digima.Core.Resources.CoreMessages", "Digima.Core.Resources.MailboxMessages", "Digima.Core.Resources.TemplateMessages",
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public void Japanese_NoHalfWidthQuestionMarkOrParenthesesInJapaneseText(string baseName)
    {
        var wrong = Values(baseName, CultureInfo.InvariantCulture)
            .Where(v => Japanese().IsMatch(v.Value) && HalfWidth().IsMatch(v.Value))
            .Select(v => $"{v.Key}: {v.Value}")
            .ToList();

        Assert.True(wrong.Count == 0, "Use ？（） in Japanese text:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void English_EveryValueInEnglish_NoJapaneseGloss(string baseName)
    {
        var japanese = Values(baseName, CultureInfo.GetCultureInfo("en"))
            .Where(v => Japanese().IsMatch(v.Value))
            .Select(v => $"{v.Key}: {v.Value}")
            .ToList();

        Assert.True(japanese.Count == 0, "Japanese in the English resources:\n" + string.Join("\n", japanese));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void English_HasEveryKeyOfTheJapanese(string baseName)
    {
        var english = Values(baseName, CultureInfo.GetCultureInfo("en")).Select(v => v.Key).ToHashSet();

        var missing = Values(baseName, CultureInfo.InvariantCulture).Select(v => v.Key).Except(english).ToList();

        Assert.True(missing.Count == 0, "No English for: " + string.Join(", ", missing));
    }

    // Only the file's own entries: no fallback to the default language.
    private static List<KeyValuePair<string, string>> Values(string baseName, CultureInfo culture)
    {
        var assembly = baseName.StartsWith("Digima.Blazor", StringComparison.Ordinal)
            ? typeof(Digima.Blazor.Resources.UiText).Assembly
            : typeof(Digima.Core.Resources.CoreMessages).Assembly;
        var set = new ResourceManager(baseName, assembly).GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"no {culture.Name} resources for {baseName}");
        return set.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, string>((string)e.Key, e.Value as string ?? "")).ToList();
    }

    [GeneratedRegex(@"[\u3040-\u30ff\u3400-\u9fff]")]
    private static partial Regex Japanese();

    [GeneratedRegex(@"[?()]")]
    private static partial Regex HalfWidth();
}

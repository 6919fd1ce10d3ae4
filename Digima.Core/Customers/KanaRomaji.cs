using System.Text;

namespace Digima.Core.Customers;

/// <summary>Katakana as Hepburn romaji (サトウ → "satou", ケンイチ → "kenichi", マッチ → "matchi").
/// Only the first step of a reading key: <see cref="RomajiKey.OfKana"/> folds the result with the
/// same rules as what a rep types, so spelling choices (ou/ō, n/nn) need not be made here.</summary>
public static class KanaRomaji
{
    /// <summary>Romaji of folded katakana (<see cref="CustomerSearchText.Fold"/>); characters that
    /// are not kana are dropped, ー too (doubled vowels fold away in the key anyway).</summary>
    public static string From(string katakana)
    {
        ArgumentNullException.ThrowIfNull(katakana);
        var builder = new StringBuilder(katakana.Length * 2);
        var doubleNext = false;
        for (var i = 0; i < katakana.Length; i++)
        {
            // Two-kana syllables (キャ, シェ, ティ...) before single kana.
            string? syllable = null;
            if (i + 1 < katakana.Length && Digraphs.TryGetValue(katakana.Substring(i, 2), out var pair))
            {
                syllable = pair;
                i++;
            }
            else if (Singles.TryGetValue(katakana[i], out var single))
            {
                syllable = single;
            }
            else if (katakana[i] == 'ッ')
            {
                doubleNext = true;
                continue;
            }

            if (syllable is null)
            {
                continue;
            }

            if (doubleNext && syllable[0] is not ('a' or 'i' or 'u' or 'e' or 'o' or 'n'))
            {
                // Hepburn writes っち as "tch"; every other sokuon doubles the consonant.
                builder.Append(syllable.StartsWith("ch", StringComparison.Ordinal) ? 't' : syllable[0]);
            }

            doubleNext = false;
            builder.Append(syllable);
        }

        return builder.ToString();
    }

    private static readonly Dictionary<char, string> Singles = Table(
        "ア a イ i ウ u エ e オ o ァ a ィ i ゥ u ェ e ォ o カ ka キ ki ク ku ケ ke コ ko ガ ga ギ gi グ gu ゲ ge ゴ go " +
        "サ sa シ shi ス su セ se ソ so ザ za ジ ji ズ zu ゼ ze ゾ zo タ ta チ chi ツ tsu テ te ト to " +
        "ダ da ヂ ji ヅ zu デ de ド do ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho " +
        "バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po マ ma ミ mi ム mu メ me モ mo " +
        "ヤ ya ユ yu ヨ yo ャ ya ュ yu ョ yo ラ ra リ ri ル ru レ re ロ ro ワ wa ヮ wa ヰ i ヱ e ヲ o ン n " +
        "ヴ vu ヵ ka ヶ ke",
        s => s[0]);

    private static readonly Dictionary<string, string> Digraphs = Table(
        "キャ kya キュ kyu キョ kyo ギャ gya ギュ gyu ギョ gyo シャ sha シュ shu ショ sho シェ she " +
        "ジャ ja ジュ ju ジョ jo ジェ je チャ cha チュ chu チョ cho チェ che ヂャ ja ヂュ ju ヂョ jo " +
        "ニャ nya ニュ nyu ニョ nyo ヒャ hya ヒュ hyu ヒョ hyo ビャ bya ビュ byu ビョ byo ピャ pya ピュ pyu ピョ pyo " +
        "ミャ mya ミュ myu ミョ myo リャ rya リュ ryu リョ ryo ファ fa フィ fi フェ fe フォ fo " +
        "ティ ti ディ di トゥ tu ドゥ du ウィ wi ウェ we ウォ wo ヴァ va ヴィ vi ヴェ ve ヴォ vo ツァ tsa",
        s => s);

    private static Dictionary<TKey, string> Table<TKey>(string pairs, Func<string, TKey> key)
        where TKey : notnull
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var table = new Dictionary<TKey, string>(parts.Length / 2);
        for (var i = 0; i < parts.Length; i += 2)
        {
            table[key(parts[i])] = parts[i + 1];
        }

        return table;
    }
}

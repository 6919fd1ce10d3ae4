using System.Text;

namespace Digima.Infrastructure.Seeding;

/// <summary>Katakana to plain Hepburn romaji (long vowels dropped, as in most business email
/// addresses: サトウ -> sato, ショウタ -> shota). Enough for demo addresses, not a full transliterator.</summary>
internal static class KanaRomaji
{
    private static readonly Dictionary<string, string> Table = Build();

    public static string ToRomaji(string katakana)
    {
        var result = new StringBuilder();
        var doubleNext = false;
        for (var i = 0; i < katakana.Length; i++)
        {
            var c = katakana[i];
            if (c == 'ッ')
            {
                doubleNext = true;
                continue;
            }

            if (c == 'ー')
            {
                continue;
            }

            var two = i + 1 < katakana.Length ? katakana.Substring(i, 2) : null;
            string? syllable = null;
            if (two is not null && Table.TryGetValue(two, out var pair))
            {
                syllable = pair;
                i++;
            }
            else if (Table.TryGetValue(c.ToString(), out var single))
            {
                syllable = single;
            }

            if (syllable is null)
            {
                continue;
            }

            result.Append(doubleNext ? syllable[0] + syllable : syllable);
            doubleNext = false;
        }

        return DropLongVowels(result.ToString());
    }

    private static string DropLongVowels(string romaji) =>
        romaji.Replace("ou", "o", StringComparison.Ordinal).Replace("uu", "u", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal);

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>();
        const string rows = """
            ア a イ i ウ u エ e オ o カ ka キ ki ク ku ケ ke コ ko サ sa シ shi ス su セ se ソ so
            タ ta チ chi ツ tsu テ te ト to ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho
            マ ma ミ mi ム mu メ me モ mo ヤ ya ユ yu ヨ yo ラ ra リ ri ル ru レ re ロ ro ワ wa ヲ o ン n
            ガ ga ギ gi グ gu ゲ ge ゴ go ザ za ジ ji ズ zu ゼ ze ゾ zo ダ da ヂ ji ヅ zu デ de ド do
            バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po
            キャ kya キュ kyu キョ kyo シャ sha シュ shu ショ sho チャ cha チュ chu チョ cho ニャ nya ニュ nyu ニョ nyo
            ヒャ hya ヒュ hyu ヒョ hyo ミャ mya ミュ myu ミョ myo リャ rya リュ ryu リョ ryo ギャ gya ギュ gyu ギョ gyo
            ジャ ja ジュ ju ジョ jo ビャ bya ビュ byu ビョ byo ピャ pya ピュ pyu ピョ pyo
            """;
        var parts = rows.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            table[parts[i]] = parts[i + 1];
        }

        return table;
    }
}

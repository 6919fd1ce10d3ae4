using Digima.Core.Customers;

namespace Digima.Benchmarks.Autocomplete;

/// <summary>会社名カナ of the generated companies: the readings of the stem and the industry
/// (kana stems read as written), without the legal form, as reps enter it.</summary>
internal static class CompanyReadings
{
    public static string Of(string stem, string industry) => Reading(stem) + Reading(industry);

    private static string Reading(string name) =>
        Kanji.TryGetValue(name, out var kana) ? kana : CustomerSearchText.Fold(name);

    private static readonly Dictionary<string, string> Kanji = new()
    {
        ["東都"] = "トウト", ["彩和"] = "サイワ", ["若葉"] = "ワカバ", ["葵"] = "アオイ", ["東雲"] = "シノノメ",
        ["清流"] = "セイリュウ", ["白鷺"] = "シラサギ", ["錦"] = "ニシキ", ["蒼海"] = "ソウカイ", ["翠風"] = "スイフウ",
        ["雪嶺"] = "セツレイ", ["四葉"] = "ヨツバ", ["浜風"] = "ハマカゼ", ["稲穂"] = "イナホ", ["紫苑"] = "シオン",
        ["大和"] = "ヤマト", ["富士"] = "フジ", ["日の出"] = "ヒノデ", ["北斗"] = "ホクト", ["三つ星"] = "ミツボシ",
        ["金剛"] = "コンゴウ", ["光"] = "ヒカリ", ["朝日"] = "アサヒ", ["昴"] = "スバル", ["凪"] = "ナギ",
        ["Nexus"] = "ネクサス", ["Bright"] = "ブライト", ["Blue Ocean"] = "ブルーオーシャン", ["Apex"] = "エイペックス",
        ["Global"] = "グローバル", ["Pacific"] = "パシフィック",
        ["精機"] = "セイキ", ["商事"] = "ショウジ", ["工業"] = "コウギョウ", ["建設"] = "ケンセツ", ["化学"] = "カガク",
        ["電機"] = "デンキ", ["物流"] = "ブツリュウ", ["不動産"] = "フドウサン", ["精密"] = "セイミツ", ["会計"] = "カイケイ",
        ["印刷"] = "インサツ", ["商会"] = "ショウカイ", ["医療器"] = "イリョウキ", ["電子"] = "デンシ", ["製作所"] = "セイサクショ",
        ["通信"] = "ツウシン", ["人材"] = "ジンザイ", ["設備"] = "セツビ", ["食品"] = "ショクヒン", ["薬品"] = "ヤクヒン",
    };
}

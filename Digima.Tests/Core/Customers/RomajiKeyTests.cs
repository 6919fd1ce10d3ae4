using Digima.Core.Customers;

namespace Digima.Tests.Core.Customers;

public sealed class RomajiKeyTests
{
    [Theory]
    [InlineData("sato")]
    [InlineData("satou")]
    [InlineData("satoo")]
    [InlineData("satoh")]
    [InlineData("satō")]
    [InlineData("satô")]
    [InlineData("SATO")]
    [InlineData("Ｓａｔｏｕ")]
    [InlineData(" sa to ")]
    public void Of_SpellingsOfSato_AllGiveTheKeyOfSatou(string typed)
    {
        Assert.Equal(RomajiKey.OfKana("サトウ"), RomajiKey.Of(typed));
        Assert.Equal("sato", RomajiKey.Of(typed));
    }

    [Theory]
    [InlineData("shimizu", "シミズ")]
    [InlineData("simizu", "シミズ")]
    [InlineData("tsuchiya", "ツチヤ")]
    [InlineData("tutiya", "ツチヤ")]
    [InlineData("fujita", "フジタ")]
    [InlineData("huzita", "フジタ")]
    [InlineData("chiba", "チバ")]
    [InlineData("tiba", "チバ")]
    [InlineData("shoji", "ショウジ")]
    [InlineData("syouzi", "ショウジ")]
    [InlineData("jun", "ジュン")]
    [InlineData("zyun", "ジュン")]
    [InlineData("jyun", "ジュン")]
    [InlineData("kenichi", "ケンイチ")]
    [InlineData("ken'ichi", "ケンイチ")]
    [InlineData("kennichi", "ケンイチ")]
    [InlineData("shinnosuke", "シンノスケ")]
    [InlineData("shinosuke", "シンノスケ")]
    [InlineData("homma", "ホンマ")]
    [InlineData("honma", "ホンマ")]
    [InlineData("namba", "ナンバ")]
    [InlineData("ohno", "オオノ")]
    [InlineData("ono", "オオノ")]
    [InlineData("oono", "オオノ")]
    [InlineData("ohara", "オハラ")]
    [InlineData("yuki", "ユウキ")]
    [InlineData("yuuki", "ユウキ")]
    [InlineData("yūki", "ユウキ")]
    [InlineData("ryunosuke", "リュウノスケ")]
    [InlineData("ryuunosuke", "リュウノスケ")]
    [InlineData("ryuunosuke", "りゅうのすけ")]
    [InlineData("ippei", "イッペイ")]
    [InlineData("hattori", "ハットリ")]
    [InlineData("hatchi", "ハッチ")]
    [InlineData("hacchi", "ハッチ")]
    [InlineData("fiona", "フィオナ")]
    [InlineData("sato taro", "サトウ タロウ")]
    [InlineData("satoutarou", "ｻﾄｳﾀﾛｳ")]
    [InlineData("inoue", "イノウエ")]
    public void Of_CommonRomanizations_GiveTheKeyOfTheKana(string typed, string kana)
    {
        Assert.Equal(RomajiKey.OfKana(kana), RomajiKey.Of(typed));
    }

    [Theory]
    [InlineData("s", "サトウ")]
    [InlineData("sa", "サトウ")]
    [InlineData("sat", "サトウ")]
    [InlineData("sh", "シミズ")]
    [InlineData("shi", "シミズ")]
    [InlineData("si", "シミズ")]
    [InlineData("ts", "ツチヤ")]
    [InlineData("tsu", "ツチヤ")]
    [InlineData("tu", "ツチヤ")]
    [InlineData("ch", "チバ")]
    [InlineData("sy", "ショウジ")]
    [InlineData("ty", "チョウ")]
    [InlineData("zy", "ジュン")]
    [InlineData("kenn", "ケンイチ")]
    [InlineData("ken'", "ケンイチ")]
    [InlineData("satotaro", "サトウタロウ")]
    [InlineData("sato ta", "サトウタロウ")]
    [InlineData("hat", "ハッチ")]
    public void Of_PartlyTyped_IsAPrefixOfTheKey(string typed, string kana)
    {
        var key = RomajiKey.OfKana(kana);
        Assert.StartsWith(RomajiKey.Of(typed), key, StringComparison.Ordinal);
        Assert.NotEqual("", RomajiKey.Of(typed));
    }

    [Theory]
    [InlineData("sato", "カトウ")]
    [InlineData("sato", "サイトウ")]
    [InlineData("suzu", "スギ")]
    public void Of_OtherNames_AreNoPrefix(string typed, string kana)
    {
        Assert.False(RomajiKey.OfKana(kana).StartsWith(RomajiKey.Of(typed), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("n.endo@t")]
    [InlineData("さとう")]
    [InlineData("佐藤")]
    [InlineData("sato2")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Of_NotRomaji_IsEmpty(string? typed)
    {
        Assert.Equal("", RomajiKey.Of(typed));
    }

    [Theory]
    [InlineData("サトウ", "satou")]
    [InlineData("ショウタ", "shouta")]
    [InlineData("マッチャ", "matcha")]
    [InlineData("ハットリ", "hattori")]
    [InlineData("ケンイチ", "kenichi")]
    [InlineData("ローソン", "roson")]
    [InlineData("ティア", "tia")]
    public void KanaRomaji_From_Hepburn(string kana, string expected)
    {
        Assert.Equal(expected, KanaRomaji.From(kana));
    }

    [Fact]
    public void BuildReading_LinesInContractOrder()
    {
        var reading = CustomerSearchText.BuildReading(new Customer
        {
            LastName = "佐藤",
            LastNameKana = "サトウ",
            FirstNameKana = "タロウ",
            Email = "t.sato@example.test",
            CompanyKana = "さくらせいき",
        });

        Assert.Equal("\nsatotaro\ntaro\nサクラセイキ\nsakuraseiki", reading);
    }
}

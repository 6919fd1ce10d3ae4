using Digima.Infrastructure.Compose;

namespace Digima.Tests.Infrastructure.Compose;

public sealed class PrefixRangeTests
{
    [Theory]
    [InlineData("a", "b")]
    [InlineData("sato", "satp")]
    [InlineData("タ", "ダ")] // U+30BF, UTF-8 E3 82 BF: the last byte would carry
    [InlineData("阿", "陀")] // U+963F, UTF-8 E9 98 BF
    [InlineData("佐藤", "佐藥")]
    [InlineData("\uD7FF", "\uE000")] // the surrogate block is skipped
    [InlineData("𠮷", "𠮸")] // U+20BB7, two UTF-16 units, one code point
    [InlineData("a\U0010FFFF", "b")]
    public void UpperBound_IncrementsLastCodePoint(string prefix, string expected)
    {
        Assert.Equal(expected, PrefixRange.UpperBound(prefix));
    }

    [Fact]
    public void UpperBound_IsAboveEveryStringWithThePrefix_InCodePointOrder()
    {
        var upper = PrefixRange.UpperBound("タ");

        Assert.True(string.CompareOrdinal("タ\uFFFF", upper) < 0);
        Assert.True(string.CompareOrdinal("ダ", upper) >= 0);
    }

    [Theory]
    [InlineData("佐", 1)]
    [InlineData("𠮷野", 2)]
    [InlineData("abc", 3)]
    public void CharacterCount_CountsCodePoints(string text, int expected)
    {
        Assert.Equal(expected, PrefixRange.CharacterCount(text));
    }
}

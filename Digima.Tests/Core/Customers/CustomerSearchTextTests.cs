using Digima.Core.Customers;

namespace Digima.Tests.Core.Customers;

public sealed class CustomerSearchTextTests
{
    [Theory]
    [InlineData("さとう たろう", "サトウタロウ")]
    [InlineData("ｻﾄｳ", "サトウ")]
    [InlineData("ＡＢＣ＠Ｘ．ＴＥＳＴ", "abc@x.test")]
    [InlineData("佐藤\u3000太郎", "佐藤太郎")]
    [InlineData("  ", "")]
    [InlineData(null, "")]
    public void Fold_JapaneseVariants_FoldToOneForm(string? input, string expected)
    {
        Assert.Equal(expected, CustomerSearchText.Fold(input));
    }

    [Fact]
    public void Build_EachFieldStartsAfterSeparator()
    {
        var text = CustomerSearchText.Build(new Customer
        {
            LastName = "佐藤",
            FirstName = "太郎",
            LastNameKana = "サトウ",
            FirstNameKana = "タロウ",
            Email = "T.Sato@Ex.test",
            Company = "さくら精機",
        });

        Assert.Equal("\n佐藤太郎\n太郎\nサトウタロウ\nタロウ\nサクラ精機\nt.sato@ex.test", text);
    }
}

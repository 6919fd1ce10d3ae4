using System.Globalization;
using Digima.Core.Customers;
using Digima.Core.Resources;

using Digima.Tests.Support;

namespace Digima.Tests.Core.Customers;

public sealed class CustomerInputValidatorTests
{
    private readonly CustomerInputValidator _validator;

    public CustomerInputValidatorTests()
    {
        _validator = new CustomerInputValidator(TestLocalizer.For<CoreMessages>());
    }

    [Fact]
    public void Validate_Empty_RequiresLastNameAndEmailInJapanese()
    {
        var result = _validator.Validate(new CustomerInput());

        Assert.Equal(
            [("Email", "メールアドレスを入力してください。"), ("LastName", "姓を入力してください。")],
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).Order());
    }

    [Theory]
    [InlineData("taro@example")]
    [InlineData("taro example@x.test")]
    [InlineData("taro@x.test\r\nBcc: a@b.test")]
    [InlineData("@x.test")]
    public void Validate_BadEmail_Refused(string email)
    {
        var result = _validator.Validate(new CustomerInput { LastName = "山田", Email = email });

        Assert.Contains(result.Errors, e => e.PropertyName == "Email");
    }

    [Theory]
    [InlineData("やまだ", false)]
    [InlineData("ヤマダ", true)]
    [InlineData("ﾔﾏﾀﾞ", true)]
    [InlineData("ヤマダ タロウ", true)]
    [InlineData("Yamada", false)]
    public void Validate_Kana_MustBeKatakana(string kana, bool valid)
    {
        var result = _validator.Validate(new CustomerInput { LastName = "山田", Email = "a@x.test", LastNameKana = kana });

        Assert.Equal(valid, result.Errors.All(e => e.PropertyName != "LastNameKana"));
    }

    [Fact]
    public void Validate_TooLongCompany_SaysLimit()
    {
        var result = _validator.Validate(new CustomerInput { LastName = "山田", Email = "a@x.test", Company = new string('株', 201) });

        Assert.Equal("200文字以内で入力してください。", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void Validate_EnglishCulture_EnglishMessages()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var result = _validator.Validate(new CustomerInput { Email = "a@x.test" });

        Assert.Equal("Enter the family name.", Assert.Single(result.Errors).ErrorMessage);
    }
}

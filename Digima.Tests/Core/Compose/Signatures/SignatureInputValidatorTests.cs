using Digima.Core.Compose.Signatures;
using Digima.Core.Resources;
using Digima.Tests.Support;

namespace Digima.Tests.Core.Compose.Signatures;

public sealed class SignatureInputValidatorTests
{
    private readonly SignatureInputValidator _validator = new(TestLocalizer.For<CoreMessages>());

    [Theory]
    [InlineData("")]
    [InlineData("{{送信者名}}\n株式会社デジマ\tTEL 03-0000-0000")]
    [InlineData("{{SenderName}} ｛｛会社名｝｝")]
    public void Validate_KnownFieldsLineBreaksTabs_Accepted(string text) =>
        Assert.True(_validator.Validate(new SignatureInput(text)).IsValid);

    [Fact]
    public void Validate_UnknownToken_RefusedWithComposesMessage()
    {
        var result = _validator.Validate(new SignatureInput("{{送信者}}\n{{会社名}}"));

        Assert.Equal(["差し込み項目「{{送信者}}」は存在しません。「差し込み項目」ボタンから挿入してください。"], result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Validate_TooLongOrControlCharacter_Refused()
    {
        Assert.Equal(["2000文字以内で入力してください。"],
            _validator.Validate(new SignatureInput(new string('あ', SignatureInputValidator.MaxLength + 1))).Errors.Select(e => e.ErrorMessage));
        Assert.Equal(["署名に制御文字は使用できません（改行とタブは使用できます）。"],
            _validator.Validate(new SignatureInput("山田\u0007")).Errors.Select(e => e.ErrorMessage));
        Assert.True(_validator.Validate(new SignatureInput(new string('あ', SignatureInputValidator.MaxLength))).IsValid);
    }
}

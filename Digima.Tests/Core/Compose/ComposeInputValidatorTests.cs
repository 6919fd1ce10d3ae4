using Digima.Core.Attachments;
using Digima.Core.Compose;
using Digima.Core.Resources;

using Digima.Tests.Support;

namespace Digima.Tests.Core.Compose;

public sealed class ComposeInputValidatorTests
{
    private readonly ComposeInputValidator _validator;

    public ComposeInputValidatorTests()
    {
        _validator = new ComposeInputValidator(TestLocalizer.For<CoreMessages>(), new AttachmentOptions());
    }

    [Fact]
    public void Validate_AttachmentsOverTheTotal_RefusedWithLimitAndCurrentTotal()
    {
        var input = Valid();
        input.Attachments.Add(new ComposeAttachment(1, "御見積書.pdf", 20L * 1024 * 1024, "application/pdf"));
        input.Attachments.Add(new ComposeAttachment(2, "図面.zip", (long)(3.4 * 1024 * 1024), "application/zip"));

        var result = _validator.Validate(input);

        var error = Assert.Single(result.Errors);
        Assert.Equal("Attachments", error.PropertyName);
        Assert.Equal("添付ファイルは合計20 MBまでです（現在 23.4 MB）", error.ErrorMessage);
    }

    [Fact]
    public void Validate_AttachmentsExactlyAtTheTotal_Valid()
    {
        var input = Valid();
        input.Attachments.Add(new ComposeAttachment(1, "御見積書.pdf", 20L * 1024 * 1024, "application/pdf"));

        Assert.True(_validator.Validate(input).IsValid);
    }

    [Fact]
    public void Validate_Empty_RequiresToSubjectAndBody()
    {
        var result = _validator.Validate(new ComposeInput());

        Assert.Equal(["宛先を1件以上指定してください。", "件名を入力してください。", "本文を入力してください。"], result.Errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData("見積\r\nBcc: victim@example.test")]
    [InlineData("見積\nX-Injected: 1")]
    public void Validate_LineBreakInSubject_Refused(string subject)
    {
        var result = _validator.Validate(Valid(subject: subject));

        Assert.Contains(result.Errors, e => e.PropertyName == "Subject" && e.ErrorMessage == "改行や制御文字は使用できません。");
    }

    [Fact]
    public void Validate_LineBreakInRecipientName_Refused()
    {
        var input = Valid();
        input.Cc.Add(new ComposeRecipient(2, "b@x.test", "名前\r\nBcc: a@evil.test"));

        Assert.False(_validator.Validate(input).IsValid);
    }

    [Fact]
    public void Validate_MoreThanHundredRecipients_Refused()
    {
        var input = Valid();
        input.Bcc.AddRange(Enumerable.Range(10, 100).Select(i => new ComposeRecipient(i, $"c{i}@x.test", $"顧客{i}")));

        Assert.Contains(_validator.Validate(input).Errors, e => e.ErrorMessage == "宛先・Cc・Bcc は合計100件までです。");
    }

    [Fact]
    public void Validate_Valid_Passes()
    {
        Assert.True(_validator.Validate(Valid()).IsValid);
    }

    [Fact]
    public void Validate_PlainAddressInTo_RefusedAsNotCustomer()
    {
        var input = Valid();
        input.To.Add(ComposeRecipient.Address("plain@x.test"));

        Assert.Contains(_validator.Validate(input).Errors, e => e.PropertyName.StartsWith("To", StringComparison.Ordinal) && e.ErrorMessage.Contains("plain@x.test", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ColleagueAndPlainAddressInCcAndBcc_Accepted()
    {
        var input = Valid();
        input.Cc.Add(ComposeRecipient.Colleague(3, "colleague@digima.test", "同僚"));
        input.Bcc.Add(ComposeRecipient.Address("plain@x.test"));

        Assert.True(_validator.Validate(input).IsValid);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@x.test\r\nBcc: victim@evil.test")]
    public void Validate_BrokenPlainAddressInBcc_Refused(string address)
    {
        var input = Valid();
        input.Bcc.Add(ComposeRecipient.Address(address));

        Assert.Contains(_validator.Validate(input).Errors, e => e.ErrorMessage.Contains("メールアドレスが正しくありません", StringComparison.Ordinal));
    }

    private static ComposeInput Valid(string subject = "お見積りの件") => new()
    {
        To = [new ComposeRecipient(1, "a@x.test", "佐藤 太郎")],
        Subject = subject,
        Body = "本文です。",
    };
}

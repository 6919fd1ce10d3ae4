using Digima.Core.Mailboxes;
using Digima.Core.Resources;

using Digima.Tests.Support;

namespace Digima.Tests.Core.Mailboxes;

public sealed class MailboxInputValidatorTests
{
    private readonly MailboxInputValidator _validator;

    public MailboxInputValidatorTests()
    {
        _validator = new MailboxInputValidator(TestLocalizer.For<MailboxMessages>());
    }

    private static MailboxInput Valid() => new()
    {
        Smtp = new() { Host = "smtp.example.co.jp", Port = 465, Security = MailSecurity.SslOnConnect, UserName = "sato@example.co.jp", Password = "p" },
        Imap = new() { Host = "imap.example.co.jp", Port = 993, Security = MailSecurity.SslOnConnect, UserName = "sato@example.co.jp", Password = "p" },
        SenderName = "佐藤 健太",
        SenderAddress = "sato@example.co.jp",
    };

    [Fact]
    public void Validate_CompleteForm_Valid() => Assert.True(_validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_NamesThePort(int port)
    {
        var input = Valid();
        input.Imap.Port = port;

        var error = Assert.Single(_validator.Validate(input).Errors);

        Assert.Equal(("Imap.Port", "ポート番号は1〜65535の範囲で入力してください。"), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData("Smtp.Host", "smtp.example.co.jp\r\nRCPT TO:<x@y>")]
    [InlineData("Smtp.UserName", "sato\nA01 LOGOUT")]
    [InlineData("Imap.Password", "pass\r\nword")]
    [InlineData("SenderAddress", "sato@example.co.jp\r\n")]
    public void Validate_LineBreakInAnyField_Refused(string field, string value)
    {
        var input = Valid();
        switch (field)
        {
            case "Smtp.Host": input.Smtp.Host = value; break;
            case "Smtp.UserName": input.Smtp.UserName = value; break;
            case "Imap.Password": input.Imap.Password = value; break;
            default: input.SenderAddress = value; break;
        }

        var error = Assert.Single(_validator.Validate(input).Errors);

        Assert.Equal((field, "改行や制御文字は使用できません。"), (error.PropertyName, error.ErrorMessage));
    }

    [Fact]
    public void Validate_BadSenderAddressAndEmptyUser_BothReported()
    {
        var input = Valid();
        input.SenderAddress = "sato@";
        input.Smtp.UserName = "";

        var errors = _validator.Validate(input).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

        Assert.Equal("送信者メールアドレスの形式が正しくありません。", errors["SenderAddress"]);
        Assert.Equal("ユーザー名を入力してください。", errors["Smtp.UserName"]);
    }

    [Fact]
    public void Validate_EmptyPasswordWithUsableSavedOne_Valid()
    {
        var input = Valid();
        input.Smtp.Password = "";
        input.Smtp.SavedPassword = SavedPassword.Usable;

        Assert.True(_validator.Validate(input).IsValid);
    }

    [Fact]
    public void Validate_SecurityNoneOnLoopback_Valid()
    {
        var input = Valid();
        input.Smtp.Host = "127.0.0.1";
        input.Smtp.Security = MailSecurity.None;

        Assert.True(_validator.Validate(input).IsValid);
    }
}

using Digima.Core.Compose;
using Digima.Core.Resources;
using Digima.Core.Templates;
using Digima.Tests.Support;

namespace Digima.Tests.Core.Templates;

/// <summary>A template's subject fills compose's: whatever compose refuses in a subject, saving a
/// template refuses with the same message, and what compose accepts a template accepts.</summary>
public sealed class TemplateSubjectRulesTests
{
    private readonly TemplateInputValidator _templates = new(TestLocalizer.For<TemplateMessages>());
    private readonly ComposeInputValidator _compose = new(TestLocalizer.For<CoreMessages>(), new Digima.Core.Attachments.AttachmentOptions());

    public static TheoryData<string> Subjects => new()
    {
        "見積\r\nBcc: victim@example.test",
        new string('長', 5_000),
        new string('長', ComposeInputValidator.MaxSubjectLength + 1),
        new string('長', ComposeInputValidator.MaxSubjectLength),
        "   ",
        "ご提案のご案内",
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Validate_Subject_TemplateAndComposeAgree(string subject)
    {
        var compose = _compose.Validate(new ComposeInput
        {
            To = [new ComposeRecipient(1, "a@x.test", "顧客")],
            Subject = subject,
            Body = "本文",
        }).Errors.Where(e => e.PropertyName == nameof(ComposeInput.Subject)).Select(e => e.ErrorMessage);
        var template = _templates.Validate(new TemplateInput { Name = "テンプレート", Subject = subject, Body = "本文" })
            .Errors.Where(e => e.PropertyName == nameof(TemplateInput.Subject)).Select(e => e.ErrorMessage);

        Assert.Equal(compose, template);
    }
}

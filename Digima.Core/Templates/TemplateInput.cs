using Digima.Core.Compose;

namespace Digima.Core.Templates;

/// <summary>The editable fields of a template, as typed in the editor.</summary>
public sealed class TemplateInput
{
    public string Name { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public bool IsShared { get; set; }

    /// <summary>The template's files as the editor lists them: its own, and the rep's uploads to add.</summary>
    public List<ComposeAttachment> Attachments { get; set; } = [];

    public static TemplateInput From(MailTemplate template) => new()
    {
        Name = template.Name,
        Subject = template.Subject,
        Body = template.Body,
        IsShared = template.IsShared,
    };

    /// <summary>Name and subject trimmed; the body is kept exactly, since its layout is the point.</summary>
    public MailTemplate ToTemplate(long id, long ownerUserId) => new()
    {
        Id = id,
        OwnerUserId = ownerUserId,
        Name = Name.Trim(),
        Subject = Subject.Trim(),
        Body = Body,
        IsShared = IsShared,
    };
}

namespace Digima.Core.Templates;

/// <summary>A reusable subject and body. Merge tokens such as {{姓}} are stored as typed, so
/// they are filled per recipient only when the template is used in compose.</summary>
public sealed record MailTemplate
{
    public long Id { get; init; }
    public long OwnerUserId { get; init; }
    public string OwnerName { get; init; } = "";
    public required string Name { get; init; }
    public required string Subject { get; init; }
    public string Body { get; init; } = "";

    /// <summary>Shared with the team (every user may use it) rather than personal.</summary>
    public bool IsShared { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

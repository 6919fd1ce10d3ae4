using System.Text.Json;
using Digima.Core.MailImport;
using Digima.Core.Sending;
using Digima.Core.Timeline;

namespace Digima.Infrastructure.Timeline;

/// <summary>Database shapes of timeline rows: codes as text, recipients as JSON.</summary>
internal sealed class TimelineRow
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Direction { get; set; } = "none";
    public string? MessageId { get; set; }
    public long? OutgoingMailId { get; set; }
    public long? ImportedMailId { get; set; }
    public long? EventId { get; set; }
    public string? ThreadId { get; set; }
    public long? RepUserId { get; set; }
    public string RepName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Preview { get; set; } = "";
    public string? Status { get; set; }
    public int RetryCount { get; set; }
    public string? EventKind { get; set; }
    public string EventDetail { get; set; } = "";
    public string FromName { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string ToJson { get; set; } = "[]";
    public string BodyText { get; set; } = "";
    public string? BodyHtml { get; set; }
    public string AttachmentsJson { get; set; } = "[]";
    public bool IsPrivate { get; set; }

    public TimelineItem ToItem() => new()
    {
        Id = Id,
        OccurredAt = OccurredAt,
        Direction = Direction switch { "in" => TimelineDirection.In, "out" => TimelineDirection.Out, _ => TimelineDirection.None },
        MessageId = MessageId,
        OutgoingMailId = OutgoingMailId,
        ImportedMailId = ImportedMailId,
        EventId = EventId,
        ThreadId = ThreadId,
        RepUserId = RepUserId,
        RepName = RepName,
        Subject = Subject,
        Preview = Preview,
        Status = Status is null ? null : Enum.Parse<MailStatus>(Status, ignoreCase: true),
        RetryCount = RetryCount,
        EventKind = EventKind is null ? null : CustomerEventKinds.Parse(EventKind),
        EventDetail = EventDetail,
        IsPrivate = IsPrivate,
    };

    public TimelineMail ToMail() => new()
    {
        Item = ToItem(),
        FromName = FromName,
        FromAddress = FromAddress,
        To = JsonSerializer.Deserialize<List<MailParty>>(ToJson) ?? [],
        BodyText = BodyText,
        BodyHtml = BodyHtml,
        Attachments = JsonSerializer.Deserialize<List<MailAttachment>>(AttachmentsJson) ?? [],
    };
}

namespace Digima.Core.Telemetry;

/// <summary>The names of the app's own spans, one trace per mail sent (compose, outbox, SMTP, Sent
/// copy) and per import (sync, folder fetch, store onto the timeline). docs/operations.md shows them.</summary>
public static class SpanNames
{
    public const string SendNow = "compose.send_now";
    public const string OutboxSend = "outbox.send";
    public const string ScheduledSend = "scheduled.send";
    public const string Deliver = "mail.deliver";
    public const string SmtpSend = "smtp.send";
    public const string SentCopy = "sent_copy.save";
    public const string MarkSent = "mail.mark_sent";
    public const string ImportSync = "import.sync";
    public const string ImportFolder = "import.folder";
    public const string ImportStore = "import.store";
    public const string ImportPublish = "import.publish";
}

/// <summary>Attribute names on the app's spans and log scopes: ids only, never addresses, subjects or bodies.</summary>
public static class TelemetryTags
{
    public const string MailId = "digima.mail.id";
    public const string UserId = "digima.user.id";
    public const string MailCount = "digima.mail.count";
    public const string Folder = "digima.folder";
    public const string Imported = "digima.mail.imported";
    public const string Outcome = "digima.outcome";
}

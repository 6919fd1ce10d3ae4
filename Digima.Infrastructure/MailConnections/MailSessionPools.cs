namespace Digima.Infrastructure.MailConnections;

/// <summary>The service keys of the IMAP pools: Sent copies and the import keep their sessions
/// apart, with their own limits and idle times.</summary>
internal static class MailSessionPools
{
    public const string SentCopies = "sent-copies";

    public const string Import = "import";
}

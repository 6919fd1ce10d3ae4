using Microsoft.Extensions.Logging;

namespace Digima.Core.Telemetry;

/// <summary>Log scopes of the sending and import paths, so every line logged inside (ours,
/// MailKit's, Npgsql's) carries whose mail or mailbox it was about in the JSON logs. Ids only:
/// never an address, a subject or a body.</summary>
public static class LogScopes
{
    public static IDisposable? Mail(this ILogger logger, long mailId, long userId) =>
        logger.BeginScope(new Dictionary<string, object> { ["MailId"] = mailId, ["UserId"] = userId });

    public static IDisposable? Mailbox(this ILogger logger, long userId) =>
        logger.BeginScope(new Dictionary<string, object> { ["MailboxUserId"] = userId });
}

namespace Digima.Core.Mailboxes;

/// <summary>Who puts the copy of sent mail into the mailbox's Sent folder. Some providers (Gmail)
/// file every mail sent through their SMTP server themselves; a second copy from the app would
/// show each mail twice. Learnt at the first send (see <c>SentCopies</c> in Sending) and forgotten
/// whenever the servers, the login or the Sent folder change.</summary>
public enum SentCopyFiling
{
    /// <summary>Not known yet: the next send finds out.</summary>
    Unknown,

    /// <summary>The mail server files each mail it takes: the app adds no copy and never looks.</summary>
    ByServer,

    /// <summary>The app appends the copies (MULTIAPPEND right after sending).</summary>
    ByApp,
}

/// <summary>Codes of <see cref="SentCopyFiling"/> in the database.</summary>
public static class SentCopyFilingCodes
{
    public static string ToCode(this SentCopyFiling filing) => filing switch
    {
        SentCopyFiling.Unknown => "unknown",
        SentCopyFiling.ByServer => "server",
        SentCopyFiling.ByApp => "app",
        _ => throw new ArgumentOutOfRangeException(nameof(filing), filing, "Unknown filing."),
    };

    /// <exception cref="ArgumentOutOfRangeException">The code is not one of the three.</exception>
    public static SentCopyFiling Parse(string code) => code switch
    {
        "unknown" => SentCopyFiling.Unknown,
        "server" => SentCopyFiling.ByServer,
        "app" => SentCopyFiling.ByApp,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown filing code."),
    };
}

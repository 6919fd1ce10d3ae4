namespace Digima.Core.Mailboxes;

/// <summary>The outcome of 「接続テスト」 for each protocol.</summary>
/// <param name="TestedSmtp">The SMTP login that was tested (for the messages).</param>
/// <param name="TestedImap">The IMAP login that was tested, so the Sent folder found is kept only
/// while the form still names that login.</param>
public sealed record MailboxTestReport(ProbeResult Smtp, ProbeResult Imap, MailServerKey TestedSmtp, MailServerKey TestedImap)
{
    public bool Succeeded => Smtp.Succeeded && Imap.Succeeded;

    /// <summary>The Sent folder to save with <paramref name="input"/>: the one found, while the
    /// form still names the IMAP login that was tested; otherwise null (keep or drop the saved one).</summary>
    public string? SentFolderFor(MailboxInput input) =>
        Imap.Succeeded && input.Imap.Key == TestedImap ? Imap.SentFolderName : null;
}

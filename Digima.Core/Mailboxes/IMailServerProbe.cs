namespace Digima.Core.Mailboxes;

/// <summary>Tries a login on a mail server the way the send and import paths will use it, with a
/// short timeout, and says what failed.</summary>
public interface IMailServerProbe
{
    /// <summary>Connects to the SMTP server with the given security, logs in and disconnects.
    /// Network, TLS, login and protocol failures are returned as a <see cref="ProbeResult"/>,
    /// never thrown.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was
    /// cancelled (the probe's own timeout is reported as <see cref="ProbeStatus.TimedOut"/>).</exception>
    Task<ProbeResult> ProbeSmtpAsync(MailServerLogin login, CancellationToken cancellationToken);

    /// <summary>Connects to the IMAP server, logs in and finds the Sent folder (SPECIAL-USE
    /// \Sent, else a common name such as "Sent" or "送信済み"); reports
    /// <see cref="ProbeStatus.SentFolderMissing"/> when there is none. Failures are returned,
    /// never thrown.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ProbeResult> ProbeImapAsync(MailServerLogin login, CancellationToken cancellationToken);
}

/// <summary>What a probe found: the first thing that failed, or success.</summary>
public enum ProbeStatus
{
    Succeeded,
    HostNotFound,
    ConnectionRefused,
    TimedOut,
    TlsFailed,
    StartTlsNotOffered,
    AuthenticationFailed,
    AuthenticationNotOffered,
    SentFolderMissing,
    ProtocolError,
    NetworkError,

    /// <summary>The host is, or resolves to, an address this server may not connect to
    /// (loopback, private, link-local or cloud metadata; see docs/configuration.md).</summary>
    AddressNotAllowed,
}

/// <param name="Detail">The server's or the network's own words (English, for an administrator's
/// log), when they add something; never holds the password, never shown to the rep.</param>
/// <param name="SentFolderName">The full name of the IMAP Sent folder found, on success.</param>
public sealed record ProbeResult(ProbeStatus Status, string? Detail = null, string? SentFolderName = null)
{
    public bool Succeeded => Status == ProbeStatus.Succeeded;

    public static ProbeResult Success(string? sentFolderName = null) => new(ProbeStatus.Succeeded, null, sentFolderName);
}

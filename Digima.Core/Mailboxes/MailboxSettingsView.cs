namespace Digima.Core.Mailboxes;

/// <summary>The rep's mailbox for the settings page: the form filled from the saved settings
/// with both password fields empty (a saved password is only ever shown as "set").</summary>
/// <param name="IsConnected">A mailbox has been saved; mail is sent through it.</param>
/// <param name="SentFolderName">The saved Sent folder, if a connection test found one.</param>
public sealed record MailboxSettingsView(
    MailboxInput Input,
    bool IsConnected,
    bool SmtpPasswordSet,
    bool ImapPasswordSet,
    string? SentFolderName,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The providers the administrator configured, one button each.</summary>
    public IReadOnlyList<OAuthProviderInfo> Providers { get; init; } = [];

    /// <summary>How the mailbox is connected when it is through an OAuth 2.0 grant; null for a
    /// password mailbox or none.</summary>
    public MailboxOAuthStatus? OAuth { get; init; }

    /// <summary>Who files the copies of sent mail in Sent, as learnt at the first send.</summary>
    public SentCopyFiling SentCopies { get; init; }

    internal static MailboxSettingsView From(StoredMailbox saved) => new(
        new MailboxInput
        {
            Smtp = FromServer(saved.Smtp),
            Imap = FromServer(saved.Imap),
            SenderName = saved.SenderName,
            SenderAddress = saved.SenderAddress,
            SaveCopyToSent = saved.SaveCopyToSent,
        },
        IsConnected: true,
        SmtpPasswordSet: saved.Smtp.ProtectedPassword.Length > 0,
        ImapPasswordSet: saved.Imap.ProtectedPassword.Length > 0,
        saved.SentFolderName,
        saved.UpdatedAt)
    {
        SentCopies = saved.SentCopies,
    };

    /// <summary>A first-time form: the rep's own name and address, TLS ports, user names set to
    /// the address (what most providers expect).</summary>
    internal static MailboxSettingsView NotConnected(string displayName, string email)
    {
        var input = new MailboxInput { SenderName = displayName, SenderAddress = email };
        input.Smtp.UserName = email;
        input.Imap.UserName = email;
        return new MailboxSettingsView(input, false, false, false, null, null);
    }

    private static MailServerInput FromServer(StoredMailServer server) => new()
    {
        Host = server.Host,
        Port = server.Port,
        Security = server.Security,
        UserName = server.UserName,
        SavedPassword = SavedPassword.Usable,
    };
}

/// <summary>The status card of a mailbox connected with OAuth 2.0 (never its tokens).</summary>
/// <param name="ReconnectRequired">「再接続が必要」: the provider ended the grant.</param>
public sealed record MailboxOAuthStatus(string Provider, string ProviderDisplayName, string Account, DateTimeOffset ConnectedAt, bool ReconnectRequired);

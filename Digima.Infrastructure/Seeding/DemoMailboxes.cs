using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Seeding;

/// <summary>Connects each demo user's mailbox to the local development servers, where any
/// address logs in with the demo password; then the users named for it again through the
/// development OAuth server. A mailbox a user saved themselves is left alone.</summary>
public sealed class DemoMailboxes(
    IOptions<DemoMailOptions> options,
    IUserRepository users,
    IMailboxRepository mailboxes,
    ISecretProtector secrets,
    DevProviderConsent consent,
    TimeProvider clock,
    ILogger<DemoMailboxes> logger)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public bool ConnectsWithOAuth => options.Value.ConnectsWithOAuth;

    /// <summary>Returns how many mailboxes were added.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        var added = 0;
        foreach (var demoUser in DemoData.Users)
        {
            var user = await users.FindByEmailAsync(demoUser.Email, cancellationToken);
            if (user is null || await mailboxes.GetAsync(user.Id, cancellationToken) is not null)
            {
                continue;
            }

            // DemoMailOptions only accepts a loopback host, where security None is allowed.
            var host = demo.Host!.Trim();
            await mailboxes.SaveAsync(
                new StoredMailbox(
                    user.Id,
                    user.DisplayName,
                    user.Email,
                    new StoredMailServer(host, demo.SmtpPort, MailSecurity.None, user.Email, secrets.Protect(DemoData.Password)),
                    new StoredMailServer(host, demo.ImapPort, MailSecurity.None, user.Email, secrets.Protect(DemoData.Password)),
                    SaveCopyToSent: true,
                    SentFolderName: "Sent",
                    clock.GetUtcNow()),
                cancellationToken);
            added++;
        }

        return added;
    }

    /// <summary>Connects the OAuth demo users through the provider afresh: replacing the password
    /// mailbox seeded for them, or renewing the grant of the provider (the development server's
    /// grants end when it restarts). A mailbox on other servers, with another login or another
    /// provider is the user's own and stays. Returns false when the provider could not connect
    /// one: what it had keeps working (a password mailbox) and the next start tries again.</summary>
    public async Task<bool> ConnectOAuthUsersAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        var allConnected = true;
        foreach (var email in demo.OAuthUsers)
        {
            var user = await users.FindByEmailAsync(email, cancellationToken);
            if (user is null || await mailboxes.GetAsync(user.Id, cancellationToken) is { } saved && !IsSeededDemoMailbox(saved, user))
            {
                continue;
            }

            var actor = new CurrentUser(user.Id, user.Email, user.DisplayName, user.Role, user.TimeZoneId, user.Language);
            OAuthConnectResult result;
            try
            {
                result = await consent.ConnectAsync(actor, demo.OAuthProvider!, DemoData.Password, cancellationToken);
            }
            catch (Exception e) when (e is MailboxTokenUnavailableException or InvalidOperationException or HttpRequestException)
            {
                logger.LogWarning("The OAuth provider {Provider} could not connect the demo mailbox of {Email}; it keeps the password for now: {Error}", demo.OAuthProvider, email, e.Message);
                allConnected = false;
                continue;
            }

            if (result.Status != OAuthConnectStatus.Connected)
            {
                logger.LogWarning("The demo mailbox of {Email} could not be connected through OAuth provider {Provider}: {Status}", email, demo.OAuthProvider, result.Status);
                allConnected = false;
                continue;
            }

            logger.LogInformation("Connected the demo mailbox of {Email} through OAuth provider {Provider} (SMTP {Smtp}, IMAP {Imap})",
                email, demo.OAuthProvider, result.Test?.Smtp.Status, result.Test?.Imap.Status);
        }

        return allConnected;
    }

    private bool IsSeededDemoMailbox(StoredMailbox saved, User user) =>
        (saved.OAuth is null || string.Equals(saved.OAuth.Provider, options.Value.OAuthProvider, StringComparison.OrdinalIgnoreCase))
        && string.Equals(saved.Imap.Host, options.Value.Host!.Trim(), StringComparison.OrdinalIgnoreCase)
        && saved.Imap.Port == options.Value.ImapPort
        && string.Equals(saved.Imap.UserName, user.Email, StringComparison.OrdinalIgnoreCase);
}

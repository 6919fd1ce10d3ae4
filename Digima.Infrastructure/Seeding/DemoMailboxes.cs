using Digima.Core.Accounts;
using Digima.Core.Mailboxes;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Seeding;

/// <summary>Connects each demo user's mailbox to the local development servers, where any
/// address logs in with the demo password. A mailbox a user already saved is left alone.</summary>
public sealed class DemoMailboxes(
    IOptions<DemoMailOptions> options,
    IUserRepository users,
    IMailboxRepository mailboxes,
    ISecretProtector secrets,
    TimeProvider clock)
{
    public bool IsConfigured => options.Value.IsConfigured;

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
}

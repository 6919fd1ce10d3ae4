using System.Diagnostics;
using Digima.Benchmarks.Import;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Infrastructure.Sending;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Benchmarks.Scheduling;

/// <summary>The reference: the same messages (same sender, recipient, subject and body, fresh
/// Message-IDs) sent one after another over one SMTP connection, nothing else.</summary>
internal static class PlainMailKitLoop
{
    public sealed record Result(int Count, TimeSpan Elapsed);

    public static async Task<Result> RunAsync(IServiceProvider provider, IReadOnlyList<long> ids)
    {
        await using var scope = provider.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutgoingMailRepository>();
        var mailboxes = scope.ServiceProvider.GetRequiredService<IMailboxConnections>();
        var messages = new List<MimeKit.MimeMessage>();
        var byUser = new Dictionary<long, MailboxConnection>();
        foreach (var id in ids)
        {
            var mail = (await outbox.GetAsync(id, CancellationToken.None))!;
            if (!byUser.TryGetValue(mail.UserId, out var mailbox))
            {
                mailbox = byUser[mail.UserId] = (await mailboxes.GetAsync(mail.UserId, CancellationToken.None))!;
            }

            messages.Add(MailMessageFactory.Create(mailbox, mail with { MessageId = "ref." + mail.MessageId }, DateTimeOffset.UtcNow));
        }

        using var smtp = new SmtpClient();
        var clock = Stopwatch.StartNew();
        await smtp.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.SmtpPort, SecureSocketOptions.None);
        foreach (var message in messages)
        {
            await smtp.SendAsync(message);
        }

        await smtp.DisconnectAsync(true);
        return new Result(messages.Count, clock.Elapsed);
    }
}

using System.Diagnostics;
using Digima.Benchmarks.Import;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Mailboxes;
using Digima.Core.Sending;
using Digima.Infrastructure.Sending;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Benchmarks.Compose;

/// <summary>A mail with the attachment sent through the app's one send path (the outbox's claim,
/// the file read from the store, SMTP to the local Postfix, the copy filed in Sent) against a
/// plain MailKit send of the same message built in memory beforehand over a connected client:
/// what the app adds to handing the server a 10 MB mail.</summary>
internal static class AttachmentSend
{
    public sealed record Result(Stats App, Stats PlainSmtp, Stats PlainSmtpAndAppend);

    public static async Task<Result> RunAsync(IServiceProvider provider, CurrentUser rep, ComposeRecipient to, StoredFile file, int rounds)
    {
        var app = new List<double>();
        var plain = new List<double>();
        var plainWithCopy = new List<double>();
        await using var scope = provider.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IAttachmentStore>();
        var mailbox = (await services.GetRequiredService<IMailboxConnections>().GetAsync(rep.Id, CancellationToken.None))!;

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.SmtpPort, SecureSocketOptions.None);
        using var imap = new MailKit.Net.Imap.ImapClient();
        await imap.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(rep.Email, BenchEnvironment.Password);
        var sent = await imap.GetFolderAsync("Sent");

        // Round -1 warms both paths (JIT, the session pool's first login, Postfix's first delivery).
        for (var round = -1; round < rounds; round++)
        {
            var copy = (await store.CopyAsync([file.Id], rep.Id, DateTimeOffset.UtcNow, CancellationToken.None))[0];
            var input = new ComposeInput
            {
                To = [to],
                Subject = $"お見積書送付の件 {round}",
                Body = "{{姓}} 様\n\nお見積書をお送りします。ご確認ください。",
                Attachments = [new ComposeAttachment(copy.Id, copy.FileName, copy.Size, copy.ContentType)],
            };
            var queued = await services.GetRequiredService<SendMailCommand>().SendNowAsync(rep, input, CancellationToken.None);
            if (!queued.Succeeded)
            {
                throw new InvalidOperationException("Queueing failed: " + string.Join("; ", queued.Errors));
            }

            var outbox = services.GetRequiredService<IOutgoingMailRepository>();
            var started = Stopwatch.GetTimestamp();
            var claimed = await outbox.ClaimNextQueuedAsync(DateTimeOffset.UtcNow, CancellationToken.None)
                ?? throw new InvalidOperationException("The queued mail was not claimable.");
            await services.GetRequiredService<SendQueuedMailCommand>().SendAsync(claimed, CancellationToken.None);
            var appMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var mail = (await outbox.GetAsync(claimed.Id, CancellationToken.None))!;
            if (mail.Status != MailStatus.Sent)
            {
                throw new InvalidOperationException($"Mail {mail.Id} ended {mail.Status}: {mail.Error}");
            }

            // The same message, content in memory, built before the clock starts.
            await using var content = await store.OpenReadAsync(copy.Id, CancellationToken.None);
            var buffer = new MemoryStream();
            await content.CopyToAsync(buffer);
            buffer.Position = 0;
            var message = MailMessageFactory.Create(mailbox, mail with { MessageId = "plain." + mail.MessageId }, DateTimeOffset.UtcNow, attachments:
                [new MailAttachment(copy.FileName, copy.ContentType, buffer)]);
            started = Stopwatch.GetTimestamp();
            await smtp.SendAsync(message);
            var plainMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await sent.AppendAsync(new MailKit.AppendRequest(message, MailKit.MessageFlags.Seen));
            var plainWithCopyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (round >= 0)
            {
                app.Add(appMs);
                plain.Add(plainMs);
                plainWithCopy.Add(plainWithCopyMs);
            }
        }

        await smtp.DisconnectAsync(true);
        await imap.DisconnectAsync(true);
        return new Result(Stats.Of(app), Stats.Of(plain), Stats.Of(plainWithCopy));
    }
}

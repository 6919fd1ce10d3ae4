using System.Diagnostics;
using Dapper;
using Digima.Benchmarks.Autocomplete;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;

namespace Digima.Benchmarks.Import;

/// <summary>Delivery to stored: mail from a customer sent through the local Postfix, one at a
/// time, timed from the SMTP server's acceptance until its row is in imported_mails (polled every
/// 20 ms), while the app's IDLE watcher holds the rep's Inbox.</summary>
internal static class IdleLatency
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public sealed record Result(Latencies Latencies, int Missed);

    public static async Task<Result> MeasureAsync(NpgsqlDataSource db, long userId, string rep, string customer, int count)
    {
        var latencies = new Latencies();
        var missed = 0;
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(BenchEnvironment.MailHost, BenchEnvironment.SmtpPort, SecureSocketOptions.None);
        for (var i = 0; i < count; i++)
        {
            var subject = $"IDLE計測 {i} {Guid.NewGuid():N}";
            var message = new MimeMessage { Subject = subject };
            message.From.Add(new MailboxAddress("顧客", customer));
            message.To.Add(new MailboxAddress("担当", rep));
            message.Body = new TextPart("plain") { Text = "届いてから取り込まれるまでの時間を測ります。" };
            await smtp.SendAsync(message);
            var accepted = Stopwatch.GetTimestamp();
            if (await WaitForRowAsync(db, userId, subject))
            {
                latencies.Add(Stopwatch.GetElapsedTime(accepted), subject);
            }
            else
            {
                missed++;
            }
        }

        await smtp.DisconnectAsync(true);
        return new Result(latencies, missed);
    }

    private static async Task<bool> WaitForRowAsync(NpgsqlDataSource db, long userId, string subject)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(GiveUp.TotalSeconds * Stopwatch.Frequency);
        await using var connection = await db.OpenConnectionAsync();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM imported_mails WHERE user_id = @userId AND subject = @subject)", new { userId, subject }))
            {
                return true;
            }

            await Task.Delay(Poll);
        }

        return false;
    }
}

using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.MailConnections;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digima.Infrastructure.MailImport;

/// <summary>Holds IMAP IDLE on one rep's Inbox and runs <see cref="SyncMailboxCommand"/> when mail
/// arrives. IDLE is re-issued every <see cref="MailImportOptions.IdleRenewal"/> (before the
/// 29 minutes after which servers may drop it); any drop reconnects with a doubling delay, and
/// every (re)connect first syncs, so nothing that arrived while disconnected is missed.</summary>
internal sealed class MailboxIdleWatcher(IServiceScopeFactory scopes, MailImportOptions options, ILogger<MailboxIdleWatcher> logger)
{
    /// <summary>Runs until cancelled or the mailbox is removed. Never throws but on cancellation.</summary>
    public async Task WatchAsync(long userId, CancellationToken cancellationToken)
    {
        var delay = options.ReconnectMinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(userId, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var mailbox = await scope.ServiceProvider.GetRequiredService<IMailboxConnections>().GetAsync(userId, cancellationToken);
                if (mailbox is null)
                {
                    return;
                }

                using var client = await scope.ServiceProvider.GetRequiredService<MailKitConnect>().ImapAsync(mailbox.Imap, cancellationToken);
                await client.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
                delay = options.ReconnectMinDelay;
                await IdleLoopAsync(client, userId, mailbox.Imap.ValidUntil, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "IMAP IDLE for user {UserId} dropped; reconnecting in {Delay}", userId, delay);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReconnectMaxDelay.Ticks));
            }
        }
    }

    /// <summary>Until cancelled, or until the OAuth access token the session logged in with
    /// expires (<paramref name="validUntil"/>): then the caller logs in anew with a fresh token,
    /// before a server that ends such sessions does (a sync first, so no mail is missed).</summary>
    private async Task IdleLoopAsync(ImapClient client, long userId, DateTimeOffset? validUntil, TimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var left = validUntil is { } until ? until - time.GetUtcNow() : TimeSpan.MaxValue;
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            var arrived = false;
            using var done = new CancellationTokenSource(left < options.IdleRenewal ? left : options.IdleRenewal);
            // Leave IDLE cleanly (DONE) before the connection is closed on shutdown.
            await using var stop = cancellationToken.Register(done.Cancel);
            void OnCountChanged(object? sender, EventArgs e)
            {
                arrived = true;
                done.Cancel();
            }

            client.Inbox.CountChanged += OnCountChanged;
            try
            {
                if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
                {
                    await client.IdleAsync(done.Token, cancellationToken);
                }
                else
                {
                    // No IDLE: a NOOP a minute also reports new mail (EXISTS).
                    await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                    await client.NoOpAsync(cancellationToken);
                }
            }
            finally
            {
                client.Inbox.CountChanged -= OnCountChanged;
            }

            if (arrived)
            {
                await SyncAsync(userId, cancellationToken);
            }
        }
    }

    private async Task SyncAsync(long userId, CancellationToken cancellationToken)
    {
        // A sync already running (the periodic job) may have started before this mail arrived:
        // wait for it and run once more rather than miss the mail until the next period.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SyncMailboxCommand>().SyncAsync(userId, cancellationToken);
            if (result.Outcome != MailboxSyncOutcome.Busy)
            {
                logger.LogDebug("Mail import on new mail for user {UserId}: {Outcome}, {Imported} imported", userId, result.Outcome, result.Imported);
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}

using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>A fixed window of 「接続テスト」 runs per user, in memory on each node (a user on two
/// nodes at once gets two allowances: still far from a scanner's rate).</summary>
internal sealed class ConnectionTestRateLimit(IOptions<ConnectionTestLimitOptions> options) : IConnectionTestLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<long> _limiter = PartitionedRateLimiter.Create<long, long>(userId =>
        RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    public bool TryAcquire(long userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary><c>Digima:Mailboxes:ConnectionTestLimit</c>: runs per user per window. A rep fixing a
/// typo tests a few times a minute; a scan needs hundreds.</summary>
public sealed class ConnectionTestLimitOptions
{
    public const string Section = "Digima:Mailboxes:ConnectionTestLimit";

    [Range(1, int.MaxValue, ErrorMessage = "must be at least {1}.")]
    public int PermitLimit { get; set; } = 10;

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

using Digima.Core.Sending;

namespace Digima.Tests.Core.Sending;

public sealed class TransientRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Waits = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 5)]
    public void NextAttempt_TransientWithWaitsLeft_AfterTheNextWait(int retriesSoFar, int minutes)
    {
        var next = TransientRetry.NextAttempt(new TransportResult(false, "421 busy"), retriesSoFar, Waits, Now);

        Assert.Equal(Now.AddMinutes(minutes), next);
    }

    [Fact]
    public void NextAttempt_WaitsUsedUp_FailsNow() =>
        Assert.Null(TransientRetry.NextAttempt(new TransportResult(false, "421 busy"), 2, Waits, Now));

    [Fact]
    public void NextAttempt_Permanent_FailsNow() =>
        Assert.Null(TransientRetry.NextAttempt(new TransportResult(false, "550 no such user", Permanent: true), 0, Waits, Now));
}

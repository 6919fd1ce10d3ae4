using Digima.Core.MailImport.Backfill;

namespace Digima.Tests.Infrastructure.MailImport.Backfill;

/// <summary>Runs what the backfill worker of a node would: takes the queued requests, one
/// mailbox at a time, and runs them, until none is left.</summary>
internal static class BackfillScenario
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <returns>The outcome of each mailbox's run.</returns>
    public static async Task<IReadOnlyList<MailBackfillOutcome>> RunQueuedAsync(this ImportScenario s)
    {
        var outcomes = new List<MailBackfillOutcome>();
        while (await s.Services.Get<IMailBackfillRepository>().ClaimAsync(Lease, CancellationToken.None) is { Count: > 0 } requests)
        {
            outcomes.Add(await s.Services.Get<RunMailBackfillCommand>().RunAsync(requests, CancellationToken.None));
        }

        return outcomes;
    }

    public static Task<CustomerBackfillProgress?> ProgressAsync(this ImportScenario s, long customerId) =>
        s.Services.Get<GetMailBackfillQuery>().GetCustomerAsync(customerId, CancellationToken.None);
}

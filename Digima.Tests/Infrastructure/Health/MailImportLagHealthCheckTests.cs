using Digima.Core.Accounts;
using Digima.Core.MailImport;
using Digima.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Digima.Tests.Infrastructure.Health;

/// <summary>A mailbox that stopped importing makes the node Degraded, not unready.</summary>
public sealed class MailImportLagHealthCheckTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("lag");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Ready_MailboxLastImportedLongAgo_DegradedThenHealthyAfterImport()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        await TestMailboxes.ConnectAsync(_services.Provider, rep);
        var store = _services.Get<IImportedMailRepository>();
        await store.RecordSuccessAsync(rep.Id, _services.Clock.GetUtcNow() - TimeSpan.FromMinutes(31), CancellationToken.None);

        var lagging = await ReadinessAsync();

        Assert.Equal(HealthStatus.Degraded, lagging.Status);
        Assert.Equal(HealthStatus.Degraded, lagging.Entries["mail-import"].Status);
        Assert.Contains("1 of 1 mailboxes", lagging.Entries["mail-import"].Description, StringComparison.Ordinal);

        await store.RecordSuccessAsync(rep.Id, _services.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync()).Entries["mail-import"].Status);
    }

    private Task<HealthReport> ReadinessAsync() =>
        _services.Get<HealthCheckService>().CheckHealthAsync(c => c.Name is "mail-import" or "database", CancellationToken.None);
}

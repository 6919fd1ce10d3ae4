using Digima.Core.MailImport;
using Digima.Infrastructure.MailImport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>The periodic trigger: one Quartz job per connected mailbox runs the sync.</summary>
public sealed class ScheduledSyncTests : IAsyncLifetime
{
    private ImportScenario _s = default!;

    public async Task InitializeAsync() => _s = await ImportScenario.CreateAsync("quartz");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Scheduler_ConnectedMailbox_JobPerMailboxImportsMail()
    {
        var customer = await _s.AddCustomerAsync("定期");
        await _s.AppendAsync("INBOX", RawMail.Create(customer.Email, _s.Rep.Email, "scheduled").Text("UTF-8", "本文"));
        var factory = _s.Services.Provider.GetRequiredService<ISchedulerFactory>();
        var quartz = await factory.GetScheduler();
        var options = new MailImportOptions { ScheduleInterval = TimeSpan.FromSeconds(10) };
        var scheduler = new MailImportScheduler(factory, _s.Services.Get<ConnectedMailboxList>(), options, _s.Services.Clock, NullLogger<MailImportScheduler>.Instance);
        await quartz.Start();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((await _s.StoredAsync()).Count == 0 && DateTime.UtcNow < deadline)
            {
                // Quartz keeps time with the container's TimeProvider: the test clock.
                _s.Services.Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(100);
            }

            Assert.Equal("scheduled", Assert.Single(await _s.StoredAsync()).Subject);
            Assert.True(await quartz.Exists(SyncMailboxJob.KeyFor(_s.Rep.Id)));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
            await quartz.Shutdown(waitForJobsToComplete: true);
        }
    }
}

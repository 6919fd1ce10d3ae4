using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Scheduling;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>A rep with a connected mailbox on the test Postfix/Dovecot, a clock the test moves,
/// and shortcuts to schedule and run scheduled mail through the real use cases.</summary>
internal sealed class ScheduledScenario : IAsyncDisposable
{
    private ScheduledScenario(ServiceHarness services, CurrentUser rep)
    {
        Services = services;
        Rep = rep;
    }

    public ServiceHarness Services { get; }

    public CurrentUser Rep { get; }

    public DateTimeOffset Now => Services.Clock.GetUtcNow();

    public static async Task<ScheduledScenario> CreateAsync(string purpose, int? smtpPort = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = await ServiceHarness.CreateAsync(purpose, settings);
        var rep = await services.AddUserAsync(UserRole.Rep, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");
        await TestMailboxes.ConnectAsync(services.Provider, rep, smtpPort);
        return new ScheduledScenario(services, rep);
    }

    public Task<Customer> AddCustomerAsync(string lastName, string company = "株式会社テスト") =>
        Services.AddCustomerAsync(lastName, company: company);

    public static ComposeInput Input(string subject, string body, Customer to) => new()
    {
        To = [new ComposeRecipient(to.Id, to.Email, to.FullName)],
        Subject = subject,
        Body = body,
    };

    /// <summary>Schedules at a wall-clock time in Tokyo and returns the mail id.</summary>
    public async Task<long> ScheduleAsync(ComposeInput input, DateTime localTokyo)
    {
        var outcome = await Services.Get<ScheduleMailCommand>().ScheduleAsync(Rep, input, localTokyo, "Asia/Tokyo", CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return outcome.Value;
    }

    public Task<ScheduledRun> RunAsync(long id) => Services.Get<SendScheduledMailCommand>().RunAsync(id, CancellationToken.None);

    public async Task<OutgoingMail> MailAsync(long id) => (await Services.Get<IOutgoingMailRepository>().GetAsync(id, CancellationToken.None))!;

    public async Task<T> QuerySingleAsync<T>(string sql, object args)
    {
        await using var connection = await Services.Database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<T>(sql, args);
    }

    public async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = await Services.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, args);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

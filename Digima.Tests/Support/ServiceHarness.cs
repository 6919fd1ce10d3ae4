using System.Globalization;
using Digima.Core;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Digima.Tests.Support;

/// <summary>Core use cases wired to the real Infrastructure over a test database, with a clock
/// the test controls. For integration tests below the UI.</summary>
public sealed partial class ServiceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ServiceHarness(TestDatabase database, IReadOnlyDictionary<string, string?>? settings, ILoggerProvider? logs)
    {
        Database = database;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Digima"] = database.ConnectionString,
                ["Digima:DataProtection:CertificatePath"] = TestEnvironment.KeyRingCertificatePath,
                // As in AppFixture.Settings: a mailbox's first send waits 1 s for a server copy.
                ["Digima:Outbox:ServerCopyWait"] = "00:00:01",
                ["Digima:Sending:UndoGrace"] = "00:00:00",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            }
        });
        services.AddLocalization();
        services.AddCore();
        services.AddInfrastructure(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        _provider = services.BuildServiceProvider(validateScopes: true);
    }

    public TestDatabase Database { get; }

    public IServiceProvider Provider => _provider;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

    /// <param name="settings">Configuration on top of the connection string (feature options).</param>
    /// <param name="logs">Receives every log entry, down to Trace (tests of what is never logged).</param>
    public static async Task<ServiceHarness> CreateAsync(string purpose, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        // Messages are asserted in Japanese, the product's default language.
        CultureInfo.CurrentUICulture = new CultureInfo("ja");
        return new ServiceHarness(await TestDatabase.CreateAsync(purpose), settings, logs);
    }

    public T Get<T>()
        where T : notnull => _provider.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Adds a user directly (setup, not the code under test) and returns them as the actor.</summary>
    public async Task<CurrentUser> AddUserAsync(UserRole role, string? email = null, string password = "correct-horse-1")
    {
        email ??= $"{role.ToCode()}-{Guid.NewGuid():N}@digima.test";
        var user = new User { Email = email, DisplayName = $"{role} {email[..6]}", Role = role };
        var id = await Get<IUserRepository>().InsertAsync(user, Get<IPasswordHashing>().Hash(password), CancellationToken.None);
        return new CurrentUser(id, email, user.DisplayName, role, user.TimeZoneId, user.Language);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}

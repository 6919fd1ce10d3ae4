using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Digima.Tests.Infrastructure.MailImport;

/// <summary>A rep whose mailbox on the local Dovecot is connected, with helpers to put fixture
/// mail into its folders (APPEND, as a mail client would) and to read what the import stored.</summary>
public sealed class ImportScenario : IAsyncDisposable
{
    private ImportScenario(ServiceHarness services, CurrentUser rep)
    {
        Services = services;
        Rep = rep;
    }

    public ServiceHarness Services { get; }
    public CurrentUser Rep { get; }

    /// <param name="repDomain">The rep's domain: the local Postfix treats some apart (files-sent.test,
    /// rewrites.test; see ops/postfix/main.cf.template).</param>
    public static async Task<ImportScenario> CreateAsync(string purpose, IReadOnlyDictionary<string, string?>? settings = null, string repDomain = "digima.test")
    {
        var services = await ServiceHarness.CreateAsync(purpose, settings);
        var rep = await services.AddUserAsync(UserRole.Rep, NewAddress("rep", repDomain));
        await TestMailboxes.ConnectAsync(services.Provider, rep);
        return new ImportScenario(services, rep);
    }

    public static string NewAddress(string prefix, string domain) => $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 13)] + "@" + domain;

    public Task<Customer> AddCustomerAsync(string lastName, string? email = null) => Services.AddCustomerAsync(lastName, email: email);

    public Task<MailboxSyncResult> SyncAsync() => Services.Get<SyncMailboxCommand>().SyncAsync(Rep.Id, CancellationToken.None);

    /// <summary>Appends the messages, byte for byte, to one of the rep's folders.</summary>
    public async Task AppendAsync(string folder, params RawMail[] mails) => await AppendAsync(folder, null, mails);

    public Task AppendAsync(string folder, DateTimeOffset? internalDate, params RawMail[] mails) =>
        RawImapAppender.AppendAsync(Rep.Email, folder, internalDate?.ToUniversalTime(), mails.Select(m => m.ToBytes()));

    /// <summary>Appends bytes exactly as given, even when they are no valid message.</summary>
    public Task AppendRawAsync(string folder, byte[] message) =>
        RawImapAppender.AppendAsync(Rep.Email, folder, null, [message]);

    public async Task<ImapClient> LoginAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync(TestEnvironment.MailHost, TestEnvironment.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(Rep.Email, TestEnvironment.MailPassword);
        return client;
    }

    public async Task<IReadOnlyList<ImportedMail>> StoredAsync()
    {
        await using var connection = await Services.Database.DataSource.OpenConnectionAsync();
        var ids = await connection.QueryAsync<long>("SELECT id FROM imported_mails WHERE user_id = @Id ORDER BY id", new { Rep.Id });
        var queries = Services.Get<IImportedMailQueries>();
        var mails = new List<ImportedMail>();
        foreach (var id in ids)
        {
            mails.Add((await queries.GetAsync(id, CancellationToken.None))!);
        }

        return mails;
    }

    public async Task<ImportedMail> StoredAsync(string messageId) =>
        Assert.Single(await StoredAsync(), m => m.MessageId == messageId);

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Services.Database.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await Services.Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, args);
    }

    public Task<Customer?> CustomerAsync(long id) => Services.Get<ICustomerRepository>().GetAsync(id, CancellationToken.None);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Infrastructure.Compose;
using Digima.Tests.Infrastructure.Timeline;
using Npgsql;

namespace Digima.Tests.Infrastructure.Compose;

public sealed class RecipientDomainHistoryTests : IAsyncLifetime
{
    private TimelineScenario _scenario = default!;

    public async Task InitializeAsync() => _scenario = await TimelineScenario.CreateAsync("recipient-domains");

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Get_AppMailAndImportedSentMail_WrittenToForThatRepOnly()
    {
        var rep = await _scenario.AddRepAsync();
        var other = await _scenario.AddRepAsync();
        var (appDomain, sentDomain, receivedDomain, newDomain) = (FreshDomain(), FreshDomain(), FreshDomain(), FreshDomain());
        await _scenario.SendAsync(rep, "お見積り", 1, [await CustomerAtAsync("青木", appDomain)]);
        await _scenario.ImportAsync(rep, await CustomerAtAsync("石川", sentDomain), $"{Guid.NewGuid():N}@client.test", "ご連絡", 2, received: false);
        await _scenario.ImportAsync(rep, await CustomerAtAsync("上野", receivedDomain), $"{Guid.NewGuid():N}@client.test", "お問い合わせ", 3, received: true);
        var history = _scenario.Services.Get<IRecipientDomainHistory>();

        var ofRep = await history.GetAsync(rep.Id, [appDomain, sentDomain, receivedDomain, newDomain, "digima.test"], CancellationToken.None);
        var ofOther = await history.GetAsync(other.Id, [appDomain, sentDomain], CancellationToken.None);

        Assert.Equal(new[] { appDomain, sentDomain }.Order(), ofRep.WrittenTo.Order());
        Assert.Equal(["digima.test"], ofRep.Internal);
        Assert.True(ofRep.HasSentMail);
        Assert.Empty(ofOther.WrittenTo);
        Assert.False(ofOther.HasSentMail);
    }

    /// <summary>Which side a join starts from depends on the data (an empty test database makes
    /// every rep look small), so this checks what would silently drift: that the statement's
    /// domain expressions are the indexed ones.</summary>
    [Fact]
    public async Task Get_DomainExpressions_MatchTheIndexes()
    {
        var rep = await _scenario.AddRepAsync();
        await using var connection = await _scenario.Services.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("SET enable_seqscan = off");
        var domain = FreshDomain();

        var plan = await PlanAsync(connection, RecipientDomainHistory.Sql, new { userId = rep.Id, domains = new[] { domain } });
        var customerProbe = await PlanAsync(connection, "SELECT 1 FROM customers c WHERE lower(split_part(c.email, '@', -1)) = @domain", new { domain });

        Assert.Contains("lower(split_part(c.email, '@', -1)) = d.domain", RecipientDomainHistory.Sql, StringComparison.Ordinal);
        Assert.True(plan.Contains("outgoing_mail_recipients_domain", StringComparison.Ordinal), plan);
        Assert.True(customerProbe.Contains("customers_email_domain", StringComparison.Ordinal), customerProbe);
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, string sql, object parameters) =>
        string.Join("\n", await connection.QueryAsync<string>("EXPLAIN " + sql, parameters));

    private Task<Customer> CustomerAtAsync(string lastName, string domain) =>
        _scenario.Services.AddCustomerAsync(lastName, email: $"c{Guid.NewGuid():N}"[..10] + "@" + domain);

    private static string FreshDomain() => $"d{Guid.NewGuid():N}"[..12] + ".co.jp";
}

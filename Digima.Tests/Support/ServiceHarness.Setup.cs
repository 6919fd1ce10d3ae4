using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Sending;

namespace Digima.Tests.Support;

/// <summary>Set-up and sending the integration tests share.</summary>
public sealed partial class ServiceHarness
{
    /// <summary>Adds a customer with a fresh address unless one is given.</summary>
    public Task<Customer> AddCustomerAsync(string lastName, string firstName = "", string company = "", string? email = null) =>
        TestCustomers.AddAsync(Provider, new Customer
        {
            LastName = lastName, FirstName = firstName, Company = company, Email = email ?? TestCustomers.NewAddress(),
        });

    /// <summary>「今すぐ送信」 through the real use case, then delivered as the outbox worker would.</summary>
    public async Task<OutgoingMail> SendNowAndDeliverAsync(CurrentUser rep, ComposeInput input)
    {
        var outcome = await Get<SendMailCommand>().SendNowAsync(rep, input, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        await DeliverQueuedAsync();
        return (await Get<IOutgoingMailRepository>().GetAsync(outcome.Value, CancellationToken.None))!;
    }

    /// <summary>What the outbox worker does, run here so the test decides when.</summary>
    public async Task DeliverQueuedAsync()
    {
        var outbox = Get<IOutgoingMailRepository>();
        while (await outbox.ClaimNextQueuedAsync(Clock.GetUtcNow(), CancellationToken.None) is { } claimed)
        {
            await Get<SendQueuedMailCommand>().SendAsync(claimed, CancellationToken.None);
        }
    }
}

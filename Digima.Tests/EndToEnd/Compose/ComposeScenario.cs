using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.Sending;
using Digima.Tests.Support;
using Microsoft.Playwright;

namespace Digima.Tests.EndToEnd.Compose;

/// <summary>Set-up shared by the compose browser tests: reps with or without a mailbox,
/// customers with fresh addresses, the compose page signed in.</summary>
internal static class ComposeScenario
{
    public static async Task<User> ConnectedRepAsync(AppFixture app, string name)
    {
        var rep = await app.AddUserAsync(UserRole.Rep, name);
        await TestMailboxes.ConnectAsync(app.App.Services, Actor(rep));
        return rep;
    }

    public static async Task<Customer> AddCustomerAsync(AppFixture app, string lastName, string company = "", string firstName = "", string lastNameKana = "", string firstNameKana = "")
    {
        var customer = new Customer
        {
            LastName = lastName,
            FirstName = firstName,
            LastNameKana = lastNameKana,
            FirstNameKana = firstNameKana,
            Email = $"c.{Guid.NewGuid():N}"[..14] + "@customer.test",
            Company = company,
        };
        var id = await app.Get<ICustomerRepository>().InsertAsync(customer, CancellationToken.None);
        return customer with { Id = id };
    }

    /// <summary>Signs the rep in and opens <paramref name="path"/> once it is interactive.</summary>
    public static async Task<IPage> OpenAsync(AppFixture app, User rep, string path)
    {
        var page = await app.NewPageAsync();
        await AppFixture.SignInAsync(page, rep.Email);
        await page.GotoAsync(path);
        await AppFixture.WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>The confirmation dialog's 「確認」 button (R10).</summary>
    public static async Task ConfirmAsync(IPage page)
    {
        var confirm = page.GetByTestId("confirm-send");
        await Assertions.Expect(confirm).ToHaveTextAsync("確認");
        await confirm.ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByTestId("confirm-send-dialog")).ToHaveCountAsync(0, new() { Timeout = 3000 });
        }
        catch (PlaywrightException)
        {
            // A click that lands while the dialog re-renders its buttons is lost; click once more.
            await confirm.ClickAsync();
        }
    }

    /// <summary>The rep's mails, newest first, as stored.</summary>
    public static async Task<IReadOnlyList<OutgoingMail>> MailsOfAsync(AppFixture app, User rep) =>
        (await app.Get<IOutgoingMailRepository>().ListForUserAsync(rep.Id, 0, 20, CancellationToken.None)).Items;

    public static CurrentUser Actor(User user) => new(user.Id, user.Email, user.DisplayName, user.Role, user.TimeZoneId, user.Language);
}

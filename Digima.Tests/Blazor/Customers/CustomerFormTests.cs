using Bunit;
using Digima.Blazor.Components.Pages.Customers;
using Digima.Core.Accounts;
using Digima.Core.Customers;
using Digima.Tests.Support;
using MudBlazor;

namespace Digima.Tests.Blazor.Customers;

public sealed class CustomerFormTests : BlazorTestContext
{
    [Fact]
    public void Render_WithErrors_ShowsMessageUnderEachField()
    {
        var errors = new Dictionary<string, string>
        {
            [nameof(CustomerInput.LastName)] = "姓を入力してください。",
            [nameof(CustomerInput.Email)] = "メールアドレスの形式が正しくありません。",
        };

        var cut = Render<CustomerForm>(p => p
            .Add(c => c.Input, new CustomerInput())
            .Add(c => c.Errors, errors));

        // MudBlazor renders an error as helper text with the error class under the field.
        var messages = cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Equal(["姓を入力してください。", "メールアドレスの形式が正しくありません。"], messages);
        Assert.Equal(2, cut.FindAll(".mud-input-control.mud-input-error").Count);
    }

    [Fact]
    public void Typing_UpdatesTheBoundInput()
    {
        var input = new CustomerInput();
        var cut = Render<CustomerForm>(p => p.Add(c => c.Input, input));

        cut.Find("[data-testid=field-last-name]").Change("渡辺");

        Assert.Equal("渡辺", input.LastName);
    }

    [Fact]
    public void Render_Owners_OfferedInSelect()
    {
        Render<MudPopoverProvider>();
        var owners = new List<User>
        {
            new() { Id = 7, Email = "a@digima.test", DisplayName = "佐藤 健太" },
            new() { Id = 8, Email = "b@digima.test", DisplayName = "鈴木 美咲" },
        };

        var cut = Render<CustomerForm>(p => p.Add(c => c.Input, new CustomerInput { OwnerUserId = 8 }).Add(c => c.Owners, owners));

        Assert.Contains("担当者", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("鈴木 美咲", cut.Find("[data-testid=customer-form] .mud-select input").GetAttribute("value"));
    }

    [Fact]
    public void Render_NeededFields_MarkedWithTheirHint_OthersNot()
    {
        var cut = Render<CustomerForm>(p => p
            .Add(c => c.Input, new CustomerInput { LastName = "堀北", Email = "h@ex.test" })
            .Add(c => c.Needed, [nameof(CustomerInput.Company), nameof(CustomerInput.Title)]));

        var marked = cut.FindAll(".needed-field");
        Assert.Equal(2, marked.Count);
        Assert.NotNull(marked[0].QuerySelector("[data-testid=field-company]"));
        Assert.NotNull(marked[1].QuerySelector("[data-testid=field-title]"));
        Assert.All(marked, m => Assert.Contains("このメールで使用する項目です", m.TextContent, StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll(".mud-input-helper-text").Count(h => h.TextContent.Contains("このメールで使用する項目です", StringComparison.Ordinal)));
    }
}

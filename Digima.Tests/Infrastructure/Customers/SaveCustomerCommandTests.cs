using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.LiveUpdates;
using Digima.Core.Resources;
using Digima.Core.Timeline;
using Digima.Tests.Support;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Tests.Infrastructure.Customers;

public sealed class SaveCustomerCommandTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("custsave");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Save_NewCustomer_NormalisesAndStores()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var input = new CustomerInput { LastName = " 高橋 ", FirstNameKana = "ｹﾝ", LastNameKana = "タカハシ", Email = "ｋｅｎ@takahashi.test" };

        var outcome = await _services.Get<SaveCustomerCommand>().SaveAsync(rep, 0, input, CancellationToken.None);

        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        var saved = await _services.Get<GetCustomerQuery>().GetAsync(rep, outcome.Value, CancellationToken.None);
        Assert.Equal("高橋", saved.LastName);
        Assert.Equal("ケン", saved.FirstNameKana);
        Assert.Equal("ken@takahashi.test", saved.Email);
    }

    [Fact]
    public async Task Save_EmailTaken_ReturnsJapaneseErrorOnEmail()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var save = _services.Get<SaveCustomerCommand>();
        await save.SaveAsync(rep, 0, new CustomerInput { LastName = "伊藤", Email = "ito@ex.test" }, CancellationToken.None);

        var outcome = await save.SaveAsync(rep, 0, new CustomerInput { LastName = "伊藤", Email = "ITO@ex.test" }, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(nameof(CustomerInput.Email), error.PropertyName);
        Assert.Equal("このメールアドレスの顧客は既に登録されています。", error.ErrorMessage);
    }

    [Fact]
    public async Task Save_HeaderInjectionInName_Refused()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var outcome = await _services.Get<SaveCustomerCommand>().SaveAsync(
            rep, 0, new CustomerInput { LastName = "山田\r\nBcc: victim@ex.test", Email = "a@ex.test" }, CancellationToken.None);

        Assert.Contains(outcome.Errors, e => e.PropertyName == nameof(CustomerInput.LastName) && e.ErrorMessage == "改行や制御文字は使用できません。");
    }

    [Fact]
    public async Task Save_ChangedByColleagueSinceTheFormWasFilled_RefusedAndTheirChangeKept()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var colleague = await _services.AddUserAsync(UserRole.Rep);
        var customer = await _services.AddCustomerAsync("競合");
        var mine = CustomerInput.From(customer);
        var theirs = CustomerInput.From(customer);
        theirs.Phone = "03-1111-2222";
        var save = _services.Get<SaveCustomerCommand>();
        Assert.True((await save.SaveAsync(colleague, customer.Id, theirs, CancellationToken.None)).Succeeded);

        mine.Company = "株式会社 上書き";
        var outcome = await save.SaveAsync(rep, customer.Id, mine, CancellationToken.None);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(SaveCustomerCommand.Conflict, error.PropertyName);
        Assert.Contains("他の画面で変更されました", error.ErrorMessage, StringComparison.Ordinal);
        var stored = await _services.Get<GetCustomerQuery>().GetAsync(rep, customer.Id, CancellationToken.None);
        Assert.Equal(("03-1111-2222", ""), (stored.Phone, stored.Company));

        var reloaded = CustomerInput.From(stored);
        reloaded.Company = "株式会社 上書き";
        Assert.True((await save.SaveAsync(rep, customer.Id, reloaded, CancellationToken.None)).Succeeded);
        Assert.False((await save.SaveAsync(rep, customer.Id, reloaded, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Save_RepEditsCustomerOwnedByAnotherRep_AllowedAsOnTheProfile()
    {
        var owner = await _services.AddUserAsync(UserRole.Rep);
        var colleague = await _services.AddUserAsync(UserRole.Rep);
        var customer = await _services.AddCustomerAsync("共有");
        var input = CustomerInput.From(customer);
        input.OwnerUserId = owner.Id;
        Assert.True((await _services.Get<SaveCustomerCommand>().SaveAsync(owner, customer.Id, input, CancellationToken.None)).Succeeded);

        var edit = CustomerInput.From(await _services.Get<GetCustomerQuery>().GetAsync(colleague, customer.Id, CancellationToken.None));
        edit.Company = "共有商事";

        Assert.True((await _services.Get<SaveCustomerCommand>().SaveAsync(colleague, customer.Id, edit, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Save_ActorNeitherRepNorManager_RefusedAndNothingWritten()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var customer = await _services.AddCustomerAsync("拒否");
        var input = CustomerInput.From(customer);
        input.Company = "不正な会社";
        var stranger = rep with { Role = (UserRole)99 };

        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<SaveCustomerCommand>().SaveAsync(stranger, customer.Id, input, CancellationToken.None));

        Assert.False(CustomerAccess.CanEdit(stranger));
        Assert.Equal("", (await _services.Get<GetCustomerQuery>().GetAsync(rep, customer.Id, CancellationToken.None)).Company);
    }

    [Fact]
    public async Task Save_CraftedIdOfNoCustomer_NotFoundAndNothingInserted()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var email = TestCustomers.NewAddress();

        await Assert.ThrowsAsync<NotFoundException>(() => _services.Get<SaveCustomerCommand>().SaveAsync(
            rep, long.MaxValue, new CustomerInput { LastName = "架空", Email = email, Version = DateTimeOffset.UtcNow }, CancellationToken.None));

        Assert.Empty(await _services.Get<ICustomerRepository>().FindExistingEmailsAsync([email], CancellationToken.None));
    }

    [Fact]
    public async Task Save_CreatedEditedOrRefused_OnlySavesAreAnnouncedByIdOnTheBus()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var live = new SeenLiveEvents();
        var save = new SaveCustomerCommand(
            _services.Get<ICustomerRepository>(), _services.Get<IValidator<CustomerInput>>(), _services.Get<ICustomerEventRecorder>(),
            live, _services.Clock, _services.Get<IStringLocalizer<CoreMessages>>());

        var created = await save.SaveAsync(rep, 0, new CustomerInput { LastName = "通知", Email = TestCustomers.NewAddress() }, CancellationToken.None);
        var edit = CustomerInput.From(await _services.Get<GetCustomerQuery>().GetAsync(rep, created.Value, CancellationToken.None));
        edit.Company = "通知工業";
        await save.SaveAsync(rep, created.Value, edit, CancellationToken.None);
        edit.Email = "not-an-address";
        await save.SaveAsync(rep, created.Value, edit, CancellationToken.None);

        Assert.Equal([new CustomerChanged(created.Value), new CustomerChanged(created.Value)], live.Published);
    }

    private sealed class SeenLiveEvents : ILiveEvents
    {
        public List<LiveEvent> Published { get; } = [];

        public Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken)
        {
            Published.Add(liveEvent);
            return Task.CompletedTask;
        }

        public Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents, CancellationToken cancellationToken)
        {
            Published.AddRange(liveEvents);
            return Task.CompletedTask;
        }

        public IDisposable Subscribe<T>(Func<T, Task> handler)
            where T : LiveEvent => throw new NotSupportedException();
    }
}

using Digima.Core.Accounts;
using Digima.Core.Accounts.Preferences;
using Digima.Core.Accounts.SignIn;
using Digima.Core.Accounts.Users;
using Digima.Core.Common;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Accounts;

public sealed class UserCommandsTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("users");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Create_ByManager_UserCanSignIn()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);

        var outcome = await _services.Get<CreateUserCommand>().CreateAsync(manager, NewRep("new.rep@digima.test"), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var signIn = await _services.Get<SignInCommand>().SignInAsync("new.rep@digima.test", "initial-pass", CancellationToken.None);
        Assert.Equal(SignInStatus.Succeeded, signIn.Status);
        Assert.Equal(UserRole.Rep, signIn.User!.Role);
    }

    [Fact]
    public async Task Update_StampChangesOnRoleActiveAndPassword_NotOnProfileOrPreferences()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var update = _services.Get<UpdateUserCommand>();
        var stamps = new List<Guid> { await StampAsync(rep.Id) };
        async Task Change(UserInput input)
        {
            Assert.True((await update.UpdateAsync(manager, rep.Id, input, CancellationToken.None)).Succeeded);
            stamps.Add(await StampAsync(rep.Id));
        }

        UserInput Input(UserRole role = UserRole.Rep, bool active = true, string password = "") =>
            new() { Email = rep.Email, DisplayName = "新しい 名前", Role = role, IsActive = active, Password = password };

        await Change(Input());
        await _services.Get<UpdatePreferencesCommand>().UpdateAsync(rep, "UTC", "en", CancellationToken.None);
        stamps.Add(await StampAsync(rep.Id));
        await Change(Input(role: UserRole.Manager));
        await Change(Input(role: UserRole.Manager, active: false));
        await Change(Input(role: UserRole.Manager, active: false, password: "another-pass-1"));

        Assert.Equal(stamps[0], stamps[1]);
        Assert.Equal(stamps[0], stamps[2]);
        Assert.Equal(4, stamps.Skip(2).Distinct().Count());
    }

    private async Task<Guid> StampAsync(long userId) =>
        (await _services.Get<IUserRepository>().FindByIdAsync(userId, CancellationToken.None))!.SecurityStamp;

    [Fact]
    public async Task Create_ByRep_Forbidden()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _services.Get<CreateUserCommand>().CreateAsync(rep, NewRep("sneaky@digima.test"), CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<ListUsersQuery>().ListAsync(rep, CancellationToken.None));
    }

    [Fact]
    public async Task Update_ByRep_Forbidden()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<UpdateUserCommand>()
            .UpdateAsync(rep, rep.Id, new UserInput { Email = rep.Email, DisplayName = "x", Role = UserRole.Manager }, CancellationToken.None));
    }

    [Fact]
    public async Task Create_DuplicateEmail_ErrorOnEmail()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);
        await _services.Get<CreateUserCommand>().CreateAsync(manager, NewRep("dup@digima.test"), CancellationToken.None);

        var outcome = await _services.Get<CreateUserCommand>().CreateAsync(manager, NewRep("DUP@digima.test"), CancellationToken.None);

        Assert.Equal("このメールアドレスは既に別のユーザーが使用しています。", Assert.Single(outcome.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Create_ShortPasswordAndBadZone_Refused()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var input = NewRep("short@digima.test");
        input.Password = "short";
        input.TimeZoneId = "Mars/Olympus";

        var outcome = await _services.Get<CreateUserCommand>().CreateAsync(manager, input, CancellationToken.None);

        Assert.Equal(["Password", "TimeZoneId"], outcome.Errors.Select(e => e.PropertyName).Order());
    }

    [Fact]
    public async Task Update_ManagerDeactivatesSelf_Refused()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);

        var outcome = await _services.Get<UpdateUserCommand>().UpdateAsync(manager, manager.Id,
            new UserInput { Email = manager.Email, DisplayName = manager.DisplayName, Role = UserRole.Manager, IsActive = false }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.True((await _services.Get<GetUserQuery>().GetAsync(manager.Id, CancellationToken.None))!.IsActive);
    }

    [Fact]
    public async Task Update_NewPassword_ReplacesOld()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var rep = await _services.AddUserAsync(UserRole.Rep, "pw@digima.test", "old-password");

        await _services.Get<UpdateUserCommand>().UpdateAsync(manager, rep.Id,
            new UserInput { Email = rep.Email, DisplayName = rep.DisplayName, Role = UserRole.Rep, Password = "new-password" }, CancellationToken.None);

        var signIn = _services.Get<SignInCommand>();
        Assert.Equal(SignInStatus.InvalidCredentials, (await signIn.SignInAsync("pw@digima.test", "old-password", CancellationToken.None)).Status);
        Assert.Equal(SignInStatus.Succeeded, (await signIn.SignInAsync("pw@digima.test", "new-password", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task UpdatePreferences_ChangesOnlyOwnLanguageAndZone()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var outcome = await _services.Get<UpdatePreferencesCommand>().UpdateAsync(rep, "America/New_York", "en", CancellationToken.None);
        var invalid = await _services.Get<UpdatePreferencesCommand>().UpdateAsync(rep, "Asia/Tokyo", "fr", CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.False(invalid.Succeeded);
        var stored = await _services.Get<GetUserQuery>().GetAsync(rep.Id, CancellationToken.None);
        Assert.Equal(("America/New_York", "en"), (stored!.TimeZoneId, stored.Language));
    }

    private static UserInput NewRep(string email) => new()
    {
        Email = email,
        DisplayName = "新人 営業",
        Role = UserRole.Rep,
        Password = "initial-pass",
    };
}

using System.Globalization;
using System.Security.Claims;
using Bunit;
using Digima.Blazor.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Digima.Tests.Support;

/// <summary>bUnit context with MudBlazor, the real resources (Japanese) and a signed-in user.</summary>
public abstract class BlazorTestContext : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected BunitServiceProvider Services => Context.Services;

    /// <summary>The components' clock: 2026-11-27 00:00 UTC (09:00 in Tokyo) unless a test moves it.</summary>
    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

    /// <param name="services">A test's own registrations (fakes of ports), made before the
    /// renderer locks the collection.</param>
    protected BlazorTestContext(Action<IServiceCollection>? services = null)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("ja");
        CultureInfo.CurrentCulture = new CultureInfo("ja-JP");
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Clock);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(SignedInUser())));

        services?.Invoke(Services);

        // Last: reading the renderer locks the service collection.
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    public async Task DisposeAsync() => await Context.DisposeAsync();

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent => Context.Render(parameters);

    /// <summary>The time zone of the signed-in user the components see.</summary>
    protected string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>Sets the signed-in user's zone; call before rendering.</summary>
    protected void SignInAs(string timeZone) => TimeZone = timeZone;

    private ClaimsPrincipal SignedInUser() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Name, "テスト"), new Claim(UserClaims.TimeZone, TimeZone)], "test"));
}

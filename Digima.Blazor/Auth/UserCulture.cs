using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Digima.Blazor.Auth;

/// <summary>The UI language: the signed-in user's choice; before sign-in, the browser's
/// (Accept-Language, English or Japanese); Japanese otherwise. A circuit takes the culture of the
/// request that opened it, so one rule covers pages and interactive screens.</summary>
internal static class UserCulture
{
    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("ja-JP"),
            SupportedCultures = [new CultureInfo("ja-JP"), new CultureInfo("en-US")],
            SupportedUICultures = [new CultureInfo("ja"), new CultureInfo("en")],
        };
        options.RequestCultureProviders =
        [
            new CustomRequestCultureProvider(context =>
                Task.FromResult(For(context.User.FindFirst(UserClaims.Language)?.Value))),
            new QueryStringRequestCultureProvider(),
            new CustomRequestCultureProvider(context =>
                Task.FromResult(For(context.User.Identity?.IsAuthenticated == true ? null : BrowserLanguage(context.Request)))),
        ];
        return options;
    }

    private static ProviderCultureResult? For(string? language) => language switch
    {
        "en" => new ProviderCultureResult("en-US", "en"),
        "ja" => new ProviderCultureResult("ja-JP", "ja"),
        _ => null,
    };

    /// <summary>The first of "en" and "ja" in the browser's preference order ("en-GB" counts as
    /// "en"), or null when the browser asks for neither.</summary>
    internal static string? BrowserLanguage(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        return accepted
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1) // stable: equal weights keep the browser's order
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "en" or "ja");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Digima.Blazor.Auth;

/// <summary>The UI language: the signed-in user's choice, Japanese otherwise. A circuit takes the
/// culture of the request that opened it, so one rule covers pages and interactive screens.</summary>
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
            {
                var language = context.User.FindFirst(UserClaims.Language)?.Value;
                return Task.FromResult(language switch
                {
                    "en" => new ProviderCultureResult("en-US", "en"),
                    "ja" => new ProviderCultureResult("ja-JP", "ja"),
                    _ => null,
                });
            }),
            new QueryStringRequestCultureProvider(),
        ];
        return options;
    }
}

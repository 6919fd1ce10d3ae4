using Digima.Core.Common;
using Digima.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Accounts.Preferences;

/// <summary>Any user changes their own display language and time zone.</summary>
public sealed class UpdatePreferencesCommand(IUserRepository users, IStringLocalizer<CoreMessages> text)
{
    public async Task<Outcome<bool>> UpdateAsync(CurrentUser actor, string timeZoneId, string language, CancellationToken cancellationToken)
    {
        if (!TimeZones.IsKnown(timeZoneId))
        {
            return Outcome<bool>.Failure("TimeZoneId", text["TimeZoneUnknown"]);
        }

        if (!UserDefaults.Languages.Contains(language))
        {
            return Outcome<bool>.Failure("Language", text["LanguageUnknown"]);
        }

        await users.UpdatePreferencesAsync(actor.Id, timeZoneId, language, cancellationToken);
        return Outcome<bool>.Success(true);
    }
}

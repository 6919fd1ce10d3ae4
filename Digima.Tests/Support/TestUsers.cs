using Digima.Core.Accounts;
using Digima.Core.Common;

namespace Digima.Tests.Support;

public static class TestUsers
{
    /// <summary>The user as the signed-in actor the use cases take.</summary>
    public static CurrentUser AsActor(this User user) =>
        new(user.Id, user.Email, user.DisplayName, user.Role, user.TimeZoneId, user.Language);
}

using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Accounts.Users;

/// <summary>A manager adds a rep or another manager. Nobody signs up by themselves.</summary>
public sealed class CreateUserCommand(
    IUserRepository users,
    IPasswordHashing hashing,
    IValidator<UserInput> validator,
    IStringLocalizer<CoreMessages> text)
{
    public async Task<Outcome<long>> CreateAsync(CurrentUser actor, UserInput input, CancellationToken cancellationToken)
    {
        actor.EnsureManager();
        input.IsNew = true;
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<long>.Failure(validation.Errors);
        }

        var user = new User
        {
            Email = input.Email.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Role = input.Role,
            TimeZoneId = input.TimeZoneId,
            Language = input.Language,
            IsActive = input.IsActive,
        };
        try
        {
            var id = await users.InsertAsync(user, hashing.Hash(input.Password), cancellationToken);
            return Outcome<long>.Success(id);
        }
        catch (DuplicateEmailException)
        {
            return Outcome<long>.Failure(nameof(UserInput.Email), text["EmailTaken"]);
        }
    }
}

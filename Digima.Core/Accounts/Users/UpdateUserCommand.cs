using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Accounts.Users;

/// <summary>A manager edits a user: profile, role, active flag and, optionally, a new password.</summary>
public sealed class UpdateUserCommand(
    IUserRepository users,
    IPasswordHashing hashing,
    IValidator<UserInput> validator,
    IStringLocalizer<CoreMessages> text)
{
    public async Task<Outcome<long>> UpdateAsync(CurrentUser actor, long userId, UserInput input, CancellationToken cancellationToken)
    {
        actor.EnsureManager();
        input.IsNew = false;
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<long>.Failure(validation.Errors);
        }

        // A manager locking themselves out (or demoting themselves) would leave nobody to undo it.
        if (userId == actor.Id && (!input.IsActive || input.Role != UserRole.Manager))
        {
            return Outcome<long>.Failure(nameof(UserInput.IsActive), text["CannotDemoteSelf"]);
        }

        var existing = await users.FindByIdAsync(userId, cancellationToken)
            ?? throw new NotFoundException($"User {userId} does not exist.");
        var updated = existing with
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
            await users.UpdateAsync(updated, cancellationToken);
        }
        catch (DuplicateEmailException)
        {
            return Outcome<long>.Failure(nameof(UserInput.Email), text["EmailTaken"]);
        }

        if (input.Password.Length > 0)
        {
            await users.SetPasswordHashAsync(userId, hashing.Hash(input.Password), cancellationToken);
        }

        return Outcome<long>.Success(userId);
    }
}

using Digima.Core.Accounts;
using Digima.Core.Accounts.Preferences;
using Digima.Core.Accounts.Sessions;
using Digima.Core.Accounts.SignIn;
using Digima.Core.Accounts.Users;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Core;

public static class AccountsRegistration
{
    /// <summary>Sign-in, sign-out, users and preferences. The repositories, password hashing and
    /// sign-in failure store are registered by Infrastructure.</summary>
    public static IServiceCollection AddAccountsUseCases(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<UserInput>, UserInputValidator>();
        services.AddScoped<SignInCommand>();
        services.AddScoped<SignOutCommand>();
        services.AddScoped<CreateUserCommand>();
        services.AddScoped<UpdateUserCommand>();
        services.AddScoped<ListUsersQuery>();
        services.AddScoped<GetUserQuery>();
        services.AddScoped<ListActiveUsersQuery>();
        services.AddScoped<UpdatePreferencesCommand>();
        return services;
    }
}

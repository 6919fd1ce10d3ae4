using Digima.Core.Accounts;
using Digima.Core.Accounts.SignIn;
using Digima.Infrastructure.Accounts;
using Microsoft.Extensions.DependencyInjection;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class AccountsRegistration
{
    /// <summary>The user repository, password hashing and the sign-in failure store.</summary>
    public static IServiceCollection AddAccountsInfrastructure(this IServiceCollection services) =>
        services.AddSingleton<IUserRepository, UserRepository>()
            .AddSingleton<IPasswordHashing, PasswordHashing>()
            .AddSingleton<ISignInFailureStore, SignInFailureStore>();
}

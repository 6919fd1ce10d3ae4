using Digima.Infrastructure.Configuration;
using Digima.Infrastructure.MailConnections;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class MailConnectionsRegistration
{
    /// <summary>How the app reaches the reps' own servers: <see cref="MailKitConnect"/> (behind the
    /// endpoint policy of AddMailboxesInfrastructure) and the sessions kept for sending (<c>Digima:MailConnections</c>):
    /// one SMTP pool, and the IMAP pool for Sent copies under <see cref="MailSessionPools.SentCopies"/>.</summary>
    public static IServiceCollection AddMailConnectionsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MailConnectionOptions>(configuration, MailConnectionOptions.Section);
        services.AddSingleton<MailKitConnect>();
        services.AddSingleton(sp => new MailSessionPool<SmtpClient>(
            sp.GetRequiredService<MailKitConnect>().SmtpAsync, Settings(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MailSessionPool<SmtpClient>>>()));
        services.AddKeyedSingleton(MailSessionPools.SentCopies, (sp, _) => new MailSessionPool<ImapClient>(
            sp.GetRequiredService<MailKitConnect>().ImapAsync, Settings(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MailSessionPool<ImapClient>>>()));
        return services;
    }

    private static MailSessionPoolSettings Settings(IServiceProvider sp) =>
        MailSessionPoolSettings.From(sp.GetRequiredService<IOptions<MailConnectionOptions>>().Value);
}

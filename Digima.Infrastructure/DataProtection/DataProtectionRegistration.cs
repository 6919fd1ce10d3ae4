using System.Security.Cryptography.X509Certificates;
using Digima.Infrastructure.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

// In the root namespace on purpose: DependencyInjection.cs calls it with one line, no using.
namespace Digima.Infrastructure;

public static class DataProtectionRegistration
{
    /// <summary>Data Protection with its key ring in PostgreSQL (every node reads the same keys),
    /// each key encrypted with the configured certificate (<see cref="KeyRingOptions"/>).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">A configured certificate cannot be read.</exception>
    public static IServiceCollection AddDataProtectionInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();

        var dataProtection = services.AddDataProtection().SetApplicationName(options.ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((o, db) => o.XmlRepository = new PostgresXmlRepository(db));
        if (options.IsEncrypted)
        {
            var current = Load(options.CertificatePath!, options.CertificatePassword);
            var previous = options.PreviousCertificatePaths.Select(p => Load(p, options.CertificatePassword));
            dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new System.Security.Cryptography.CryptographicException($"The key ring certificate {path} has no private key.");
    }
}

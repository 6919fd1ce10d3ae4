using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.DataProtection;

/// <summary><c>Digima:DataProtection</c>: the certificate that encrypts the Data Protection key
/// ring. The ring lives in PostgreSQL; this key must not, so that a copy of the database alone
/// opens neither the mailbox passwords nor the sign-in cookies.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "Digima:DataProtection";

    public string ApplicationName { get; set; } = "Digima";

    /// <summary>A PKCS#12 (.pfx) file with the RSA certificate and private key that encrypts new
    /// keys. Required in Production.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates of earlier rotations (same password rule): they still decrypt the
    /// keys they encrypted, and encrypt nothing new.</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];

    public bool IsEncrypted => !string.IsNullOrWhiteSpace(CertificatePath);
}

/// <summary>Production refuses to start without the certificate: an unencrypted key ring in the
/// database would make read access to the database enough to read every rep's mail password.</summary>
internal sealed class KeyRingOptionsValidator(IServiceProvider services) : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options) =>
        !options.IsEncrypted && services.GetService<IHostEnvironment>()?.IsProduction() == true
            ? ValidateOptionsResult.Fail(
                $"{KeyRingOptions.Section}:CertificatePath is required in Production: the Data Protection key ring must be encrypted with a key kept outside the database (see docs/configuration.md).")
            : ValidateOptionsResult.Success;
}

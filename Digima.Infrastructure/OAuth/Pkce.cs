using System.Security.Cryptography;
using System.Text;

namespace Digima.Infrastructure.OAuth;

/// <summary>Proof Key for Code Exchange (RFC 7636) with S256, and the state parameter: a stolen
/// authorization code is worthless without the verifier only this app holds.</summary>
public static class Pkce
{
    /// <summary>43 characters of base64url from 32 random bytes (RFC 7636 allows 43 to 128).</summary>
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh value that ties the redirect back to the browser that started it.</summary>
    public static string NewState() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>BASE64URL(SHA256(ASCII(verifier))), without padding.</summary>
    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

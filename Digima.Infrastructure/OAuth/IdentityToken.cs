using System.Text;
using System.Text.Json;

namespace Digima.Infrastructure.OAuth;

/// <summary>The account's address in an OpenID Connect identity token.</summary>
/// <remarks>The signature is not checked: the token came straight from the provider's token
/// endpoint in answer to this client's own request, which OpenID Connect Core 3.1.3.7 accepts in
/// place of it. The audience is checked, so a token issued to another client is not taken.</remarks>
internal static class IdentityToken
{
    public static string? AccountOf(string? idToken, string clientId)
    {
        var parts = idToken?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Decode(parts[1]));
            var root = payload.RootElement;
            if (!IsAudience(root, clientId))
            {
                return null;
            }

            // Microsoft puts the sign-in address in preferred_username and email only sometimes.
            foreach (var claim in (string[])["email", "preferred_username"])
            {
                if (root.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } address && address.Contains('@', StringComparison.Ordinal))
                {
                    return address;
                }
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static bool IsAudience(JsonElement root, string clientId) =>
        root.TryGetProperty("aud", out var aud) && aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == clientId,
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == clientId),
            _ => false,
        };

    private static byte[] Decode(string base64Url)
    {
        var base64 = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Digima.Core.Tracking;
using Microsoft.AspNetCore.WebUtilities;

namespace Digima.Infrastructure.Tracking;

/// <summary>A token is one AES block (mail id, kind, link position, zero padding) followed by a
/// truncated HMAC-SHA256 of that block: 28 bytes, 38 URL-safe characters. The block hides the
/// mail id; the MAC (96 bits) makes guessing or altering a token hopeless. Both keys are derived
/// from the shared secret in <see cref="TrackingKeyStore"/>.</summary>
internal sealed class HmacTrackingTokens(TrackingKeyStore keys) : ITrackingTokens
{
    private const int BlockSize = 16;
    private const int MacSize = 12;

    public async Task<string> CreateAsync(TrackingTarget target, CancellationToken cancellationToken)
    {
        var (key, mac) = await KeysAsync(cancellationToken);
        using var aes = Aes.Create();
        aes.Key = key;
        Span<byte> block = stackalloc byte[BlockSize];
        BinaryPrimitives.WriteInt64BigEndian(block, target.MailId);
        block[8] = (byte)target.Kind;
        BinaryPrimitives.WriteUInt16BigEndian(block[9..], checked((ushort)target.LinkIndex));
        var token = new byte[BlockSize + MacSize];
        aes.EncryptEcb(block, token.AsSpan(0, BlockSize), PaddingMode.None);
        HMACSHA256.HashData(mac, token.AsSpan(0, BlockSize))[..MacSize].CopyTo(token, BlockSize);
        return WebEncoders.Base64UrlEncode(token);
    }

    public async Task<TrackingTarget?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length != 38 || !TryDecode(token, out var bytes) || bytes.Length != BlockSize + MacSize)
        {
            return null;
        }

        var (key, mac) = await KeysAsync(cancellationToken);
        var expected = HMACSHA256.HashData(mac, bytes.AsSpan(0, BlockSize)).AsSpan(0, MacSize);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(BlockSize)))
        {
            return null;
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var block = aes.DecryptEcb(bytes.AsSpan(0, BlockSize), PaddingMode.None);
        var kind = (TrackingKind)block[8];
        return block.AsSpan(11).ContainsAnyExcept((byte)0) || !Enum.IsDefined(kind)
            ? null
            : new TrackingTarget(BinaryPrimitives.ReadInt64BigEndian(block), kind, BinaryPrimitives.ReadUInt16BigEndian(block.AsSpan(9)));
    }

    public async Task<string> HashAddressAsync(string? address, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "";
        }

        var secret = await keys.GetAsync(cancellationToken);
        var key = HMACSHA256.HashData(secret, "ip"u8);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(address)))[..32];
    }

    private async Task<(byte[] Encryption, byte[] Mac)> KeysAsync(CancellationToken cancellationToken)
    {
        var secret = await keys.GetAsync(cancellationToken);
        return (HMACSHA256.HashData(secret, "token-encryption"u8)[..16], HMACSHA256.HashData(secret, "token-mac"u8));
    }

    private static bool TryDecode(string token, out byte[] bytes)
    {
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}

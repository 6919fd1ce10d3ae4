using System.Net;

namespace Digima.Core.Mailboxes;

/// <summary>Rules for the host of a mail server.</summary>
public static class MailHosts
{
    /// <summary>A DNS name or an IPv4/IPv6 address, with no port or path.</summary>
    public static bool IsValid(string? host) =>
        !string.IsNullOrWhiteSpace(host) && host.Length <= 253
        && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;

    /// <summary>True for localhost, 127.0.0.0/8 and ::1 (also as an IPv4-mapped address). No DNS
    /// lookup: a name that resolves to 127.0.0.1 today may not tomorrow, and a password sent
    /// without TLS must never leave the machine.</summary>
    public static bool IsLoopback(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        var trimmed = host.Trim().TrimEnd('.');
        if (string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(trimmed.Trim('[', ']'), out var address))
        {
            return false;
        }

        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Mailboxes;

/// <summary>Which addresses the app may connect to for a rep's mailbox: 「接続テスト」, sending,
/// import and IDLE alike (a saved host is used without a test). The host is resolved here, every
/// address is checked, and the connection goes to those checked addresses (not to a second lookup
/// that could answer differently). Loopback, private (RFC 1918, CGNAT, IPv6 ULA),
/// link-local (with the cloud metadata address 169.254.169.254) and unspecified addresses are
/// the server's own neighbourhood: refused unless configuration allows them.</summary>
internal sealed class MailEndpointPolicy(IOptions<MailEndpointOptions> options, IHostEnvironment? environment = null)
{
    // Without a host environment (tools, tests below the web app) the machine is a developer's.
    private readonly bool _production = environment?.IsProduction() == true;

    /// <summary>The addresses to connect to, or null when any of them is not allowed.</summary>
    /// <exception cref="SocketException">The host name does not resolve.</exception>
    public async Task<IPAddress[]?> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.Length > 0 && addresses.All(IsAllowed) ? addresses : null;
    }

    /// <summary>A TCP connection to one of the host's addresses, all of which are allowed; null
    /// when not all of them are.</summary>
    /// <exception cref="SocketException">The host does not resolve or no address answers.</exception>
    public async Task<Socket?> ConnectAllowedAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (await ResolveAllowedAsync(host, cancellationToken) is not { } addresses)
        {
            return null;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public bool IsAllowed(IPAddress address)
    {
        var o = options.Value;
        return Classify(address) switch
        {
            AddressKind.Loopback => o.AllowLoopback ?? !_production,
            AddressKind.Private => o.AllowPrivateNetworks,
            AddressKind.LinkLocal => o.AllowLinkLocal,
            AddressKind.Public => true,
            _ => false,
        };
    }

    internal static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            // 0.0.0.0 and :: reach this machine too.
            return AddressKind.Loopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return (b[0], b[1]) switch
            {
                (10, _) or (172, >= 16 and <= 31) or (192, 168) or (100, >= 64 and <= 127) => AddressKind.Private,
                (169, 254) => AddressKind.LinkLocal,
                (0, _) or (>= 224, _) => AddressKind.Other,
                _ => AddressKind.Public,
            };
        }

        return address switch
        {
            { IsIPv6LinkLocal: true } => AddressKind.LinkLocal,
            { IsIPv6UniqueLocal: true } or { IsIPv6SiteLocal: true } => AddressKind.Private,
            { IsIPv6Multicast: true } => AddressKind.Other,
            _ => AddressKind.Public,
        };
    }

    internal enum AddressKind
    {
        Public,
        Loopback,
        Private,
        LinkLocal,
        Other,
    }
}

/// <summary><c>Digima:Mailboxes</c>: the address ranges a mailbox's servers may be at besides the
/// public internet. <see cref="AllowLoopback"/> unset means allowed except in Production.</summary>
public sealed class MailEndpointOptions
{
    public bool? AllowLoopback { get; set; }
    public bool AllowPrivateNetworks { get; set; }
    public bool AllowLinkLocal { get; set; }
}

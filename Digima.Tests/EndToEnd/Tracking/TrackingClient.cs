using System.Net;
using System.Net.Sockets;

namespace Digima.Tests.EndToEnd.Tracking;

/// <summary>A customer's mail client fetching tracking addresses. Each <c>client</c> number is
/// its own remote address (127.0.0.n: all of 127/8 reaches the app on 127.0.0.1), so tests can
/// tell a reader from a replaying machine the way the app does, by address and user agent.</summary>
internal static class TrackingClient
{
    public static HttpClient Create(string baseUrl, string userAgent, int client = 1)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)client]), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return http;
    }
}

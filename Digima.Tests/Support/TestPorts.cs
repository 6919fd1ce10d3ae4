using System.Net;
using System.Net.Sockets;

namespace Digima.Tests.Support;

public static class TestPorts
{
    /// <summary>A loopback port nothing listens on: taken from the system, then released.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

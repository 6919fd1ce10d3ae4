namespace Digima.Infrastructure.Mailboxes;

/// <summary>A mailbox's server is at an address the <see cref="MailEndpointPolicy"/> does not allow
/// (loopback, a private network, link-local or cloud metadata): nothing was sent there.</summary>
internal sealed class MailEndpointRefusedException(string host)
    : Exception($"The mail server {host} is at an address this installation does not connect to.")
{
    public string Host { get; } = host;
}

namespace Digima.Core.Tracking;

/// <summary>Tokens for tracking URLs: unguessable, unforgeable, and opaque (they do not show the
/// mail id). Keyed with a secret every node shares.</summary>
public interface ITrackingTokens
{
    Task<string> CreateAsync(TrackingTarget target, CancellationToken cancellationToken);

    /// <summary>The target, or null for any token this app did not make (malformed, forged, altered).</summary>
    Task<TrackingTarget?> ReadAsync(string token, CancellationToken cancellationToken);

    /// <summary>A keyed hash of a remote address: repeats can be told apart, the address cannot be recovered.</summary>
    Task<string> HashAddressAsync(string? address, CancellationToken cancellationToken);
}

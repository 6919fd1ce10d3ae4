namespace Digima.Core.Compose.Signatures;

/// <summary>Each user's 「署名」: one plain-text signature per user, merge tokens kept as typed.</summary>
public interface ISignatureRepository
{
    /// <summary>The user's signature, or an empty string when they have none.</summary>
    Task<string> GetAsync(long userId, CancellationToken cancellationToken);

    /// <summary>Stores the signature; an empty text removes it.</summary>
    Task SaveAsync(long userId, string text, DateTimeOffset savedAt, CancellationToken cancellationToken);
}

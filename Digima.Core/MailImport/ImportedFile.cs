namespace Digima.Core.MailImport;

/// <summary>An attachment of an imported mail, decoded when the message was parsed and held (in
/// memory or a temporary file) until its mail is stored: the message is never parsed twice, and a
/// batch of large mails is not held in memory. Stored only with a mail that is inserted; whoever
/// drops the mail disposes it.</summary>
/// <param name="Position">Its index in <see cref="ImportedMail.Attachments"/>.</param>
public sealed record ImportedFile(int Position, string FileName, string ContentType, IHeldContent Content) : IDisposable
{
    public void Dispose() => Content.Dispose();
}

/// <summary>Decoded content held between parsing and storing.</summary>
public interface IHeldContent : IDisposable
{
    long Length { get; }

    /// <summary>SHA-256 of the content (computed while it was written).</summary>
    byte[] Sha256 { get; }

    /// <summary>The content from its start, owned by this object (the caller does not dispose it).</summary>
    Stream OpenRead();
}

using System.Security.Cryptography;
using Digima.Core.MailImport;

namespace Digima.Infrastructure.MailImport;

/// <summary>An attachment's decoded content written here by the MIME parser and held until its
/// mail is stored: in memory while small, in a temporary file (deleted when disposed) beyond, so
/// a batch of mails with large attachments does not sit in memory. Past <paramref name="limit"/>
/// nothing more is kept, only counted: the attachment is then listed, not stored.</summary>
internal sealed class HeldContent(long limit) : Stream, IHeldContent
{
    private const int InMemory = 128 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private MemoryStream? _memory = new();
    private byte[]? _sha256;
    private FileStream? _file;
    private long _length;

    /// <summary>More than the limit was written: nothing is held.</summary>
    public bool Overflowed => _length > limit;

    public override long Length => _length;

    /// <summary>SHA-256 of the content, hashed as it was written.</summary>
    public byte[] Sha256 => _sha256 ??= _hash.GetHashAndReset();

    public Stream OpenRead()
    {
        var content = (Stream?)_file ?? _memory ?? throw new InvalidOperationException("The content went over its limit and was not kept.");
        content.Position = 0;
        return content;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _length += buffer.Length;
        if (Overflowed)
        {
            Drop();
            return;
        }

        if (_file is null && _length > InMemory)
        {
            _file = new FileStream(
                Path.Combine(Path.GetTempPath(), $"digima-attachment-{Guid.NewGuid():N}"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            _memory!.WriteTo(_file);
            _memory = null;
        }

        _hash.AppendData(buffer);
        ((Stream?)_file ?? _memory!).Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Drop();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Drop()
    {
        _memory?.Dispose();
        _memory = null;
        _file?.Dispose();
        _file = null;
    }
}

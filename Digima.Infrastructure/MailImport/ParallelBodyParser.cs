using Digima.Core.MailImport;

namespace Digima.Infrastructure.MailImport;

/// <summary>Parses a body fetch's messages on the thread pool while the connection goes on
/// reading the next ones: each raw message is copied off the connection and parsed in parallel.
/// At most <see cref="InFlight"/> raw messages are held at once; when the parsers fall behind,
/// reading waits, so a batch of large messages never sits in memory whole.</summary>
internal sealed class ParallelBodyParser(MimeContentReader reader, CancellationToken cancellationToken)
{
    private static readonly int InFlight = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly SemaphoreSlim _slots = new(InFlight, InFlight);
    private readonly List<Task> _parses = [];
    private readonly List<MailContent> _read = [];
    private readonly List<UnreadableMail> _unreadable = [];

    public MailBodies Result
    {
        get
        {
            lock (_read)
            {
                return new MailBodies([.. _read], [.. _unreadable]);
            }
        }
    }

    public async Task AddAsync(uint uid, Stream stream, CancellationToken token)
    {
        await _slots.WaitAsync(token);
        MemoryStream raw;
        try
        {
            raw = new MemoryStream();
            await stream.CopyToAsync(raw, token);
            raw.Position = 0;
        }
        catch
        {
            _slots.Release();
            throw;
        }

        _parses.Add(Task.Run(() => Parse(uid, raw), CancellationToken.None));
    }

    /// <summary>Waits for every started parse.</summary>
    public Task CompleteAsync() => Task.WhenAll(_parses);

    private void Parse(uint uid, MemoryStream raw)
    {
        try
        {
            using (raw)
            {
                var (content, error) = reader.Read(uid, raw, cancellationToken);
                lock (_read)
                {
                    if (content is not null)
                    {
                        _read.Add(content);
                    }
                    else
                    {
                        _unreadable.Add(new UnreadableMail(uid, error!));
                    }
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }
}

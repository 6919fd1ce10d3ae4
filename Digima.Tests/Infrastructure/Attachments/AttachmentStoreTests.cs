using System.Security.Cryptography;
using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Tests.Support;
using Npgsql;

namespace Digima.Tests.Infrastructure.Attachments;

public sealed class AttachmentStoreTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("attachments");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IAttachmentStore Store => _services.Get<IAttachmentStore>();

    [Fact]
    public async Task Save_SeveralChunksFromTrickle_ReadBackByteIdentical()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var content = RandomNumberGenerator.GetBytes((2 * 256 * 1024) + 12345);

        var stored = await Store.SaveAsync(New(rep.Id, "見積書.pdf", "application/pdf"), new TrickleStream(content), long.MaxValue, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(content.Length, stored.Size);
        Assert.Equal(SHA256.HashData(content), stored.Sha256);
        Assert.Equal("見積書.pdf", stored.FileName);
        Assert.Equal(3, await ChunkCountAsync(stored.Id));
        await using var read = await Store.OpenReadAsync(stored.Id, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Save_OverTheLimit_NothingKept()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var stored = await Store.SaveAsync(New(rep.Id, "big.bin", "application/octet-stream"), new MemoryStream(new byte[1001]), 1000, CancellationToken.None);

        Assert.Null(stored);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM stored_files"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM stored_file_chunks"));
    }

    [Fact]
    public async Task Save_HostileNameAndType_StoredSafe()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);

        var stored = await Store.SaveAsync(New(rep.Id, "..\\..\\etc/pass\r\nwd\".exe", "text/html\r\nX-Evil: 1"), new MemoryStream([1]), 10, CancellationToken.None);

        Assert.Equal("pass__wd_.exe", stored!.FileName);
        Assert.Equal("application/octet-stream", stored.ContentType);
    }

    [Fact]
    public async Task Attach_OnlyOwnersLooseFiles_InOrder_AndDeletedWithTheMail()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var first = await SaveAsync(rep.Id, "1.txt");
        var second = await SaveAsync(rep.Id, "2.txt");
        var others = await SaveAsync(other.Id, "x.txt");
        var mailId = await InsertOutgoingMailAsync(rep.Id);

        var given = await Store.AttachToOutgoingAsync([second.Id, first.Id, others.Id], rep.Id, mailId, CancellationToken.None);

        Assert.Equal(2, given);
        Assert.Equal(["2.txt", "1.txt"], (await Store.ListForOutgoingAsync(mailId, CancellationToken.None)).Select(f => f.FileName));
        Assert.Equal(0, await Store.AttachToOutgoingAsync([first.Id], rep.Id, mailId, CancellationToken.None));

        await ExecuteAsync("DELETE FROM outgoing_mails WHERE id = @mailId", new { mailId });
        Assert.Null(await Store.FindAsync(first.Id, CancellationToken.None));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM stored_file_chunks"));
    }

    [Fact]
    public async Task Copy_NewLooseFilesOfTheNewOwner_SameContent()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var original = await SaveAsync(rep.Id, "提案書.docx");

        var copy = Assert.Single(await Store.CopyAsync([original.Id], manager.Id, _services.Clock.GetUtcNow(), CancellationToken.None));

        Assert.NotEqual(original.Id, copy.Id);
        Assert.Equal(manager.Id, copy.OwnerUserId);
        Assert.True(copy.IsLoose);
        Assert.Equal(original.Sha256, copy.Sha256);
        await using var read = await Store.OpenReadAsync(copy.Id, CancellationToken.None);
        using var bytes = new MemoryStream();
        await read.CopyToAsync(bytes);
        Assert.Equal("提案書.docx"u8.ToArray(), bytes.ToArray());
    }

    [Fact]
    public async Task DeleteLoose_AnotherUsersFile_Kept()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var other = await _services.AddUserAsync(UserRole.Rep);
        var file = await SaveAsync(rep.Id, "a.txt");

        await Store.DeleteLooseAsync([file.Id], other.Id, CancellationToken.None);
        Assert.NotNull(await Store.FindAsync(file.Id, CancellationToken.None));

        await Store.DeleteLooseAsync([file.Id], rep.Id, CancellationToken.None);
        Assert.Null(await Store.FindAsync(file.Id, CancellationToken.None));
    }

    private NewStoredFile New(long owner, string name, string type) => new(owner, name, type, _services.Clock.GetUtcNow());

    private async Task<StoredFile> SaveAsync(long owner, string name) =>
        (await Store.SaveAsync(New(owner, name, "text/plain"), new MemoryStream(System.Text.Encoding.UTF8.GetBytes(name)), 1000, CancellationToken.None))!;

    private async Task<long> InsertOutgoingMailAsync(long userId)
    {
        await using var connection = new NpgsqlConnection(_services.Database.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO outgoing_mails (user_id, status, message_id, subject, body_text, created_at)
            VALUES (@userId, 'sent', 'att-test@example.com', 's', 'b', now()) RETURNING id
            """, new { userId });
    }

    private Task<int> ChunkCountAsync(long fileId) => CountAsync("SELECT count(*) FROM stored_file_chunks WHERE file_id = @fileId", new { fileId });

    private async Task<int> CountAsync(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(_services.Database.ConnectionString);
        return await connection.ExecuteScalarAsync<int>(sql, args);
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = new NpgsqlConnection(_services.Database.ConnectionString);
        await connection.ExecuteAsync(sql, args);
    }

    /// <summary>Gives at most 1000 bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}

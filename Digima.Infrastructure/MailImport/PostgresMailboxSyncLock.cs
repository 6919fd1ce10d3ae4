using Dapper;
using Digima.Core.MailImport;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

/// <summary>A PostgreSQL session advisory lock per mailbox, held on its own connection for the
/// whole sync. The clustered Quartz store runs each firing of the periodic job on one node, but
/// IDLE and 「今すぐ同期」 run on any node beside it: this lock is what keeps one sync per mailbox
/// at a time. A node that dies loses its
/// connection, and PostgreSQL releases the lock with it.</summary>
internal sealed class PostgresMailboxSyncLock(NpgsqlDataSource dataSource) : IMailboxSyncLock
{
    // First key of the two-key lock space, "MIMP": keeps these locks apart from other features'.
    private const int Namespace = 0x4D494D50;

    public async Task<IAsyncDisposable?> TryAcquireAsync(long userId, CancellationToken cancellationToken)
    {
        var key = unchecked((int)(userId ^ (userId >> 32)));
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var taken = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_lock(@Namespace, @key)", new { Namespace, key }, cancellationToken: cancellationToken));
            if (taken)
            {
                return new Lease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Lease(NpgsqlConnection connection, int key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@Namespace, @key)", new { Namespace, key });
            }
            catch (NpgsqlException)
            {
                // A broken connection has released the lock already.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}

using Dapper;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

/// <summary>The users whose mailbox the import follows: active users with a saved mailbox.</summary>
internal sealed class ConnectedMailboxList(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<long>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT m.user_id FROM mailboxes m JOIN users u ON u.id = m.user_id WHERE u.is_active ORDER BY m.user_id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }
}

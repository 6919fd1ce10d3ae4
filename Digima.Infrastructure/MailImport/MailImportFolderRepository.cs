using Dapper;
using Digima.Core.MailImport;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

internal sealed class MailImportFolderRepository(NpgsqlDataSource dataSource) : IMailImportFolderRepository
{
    public async Task<IReadOnlyList<ImportFolder>> ListAsync(long userId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT folder_kind, folder_key FROM mail_import_folders WHERE user_id = @userId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, string Key)>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
        return rows.Select(r => ImportFolder.Of(ImportedMailRows.Folder(r.Kind), r.Key)).ToList();
    }

    public async Task SaveAsync(long userId, IReadOnlyList<ImportFolder> folders, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folders);
        // The old choice goes and the new one comes in one transaction. Cursors of folders no longer
        // chosen stay: chosen again, the folder goes on from where it stood.
        const string clear = "DELETE FROM mail_import_folders WHERE user_id = @userId";
        const string insert = """
            INSERT INTO mail_import_folders (user_id, folder_kind, folder_key, chosen_at)
            SELECT @userId, k, f, @at FROM unnest(@kinds, @keys) AS v(k, f)
            """;
        var args = new { userId, at, kinds = folders.Select(f => ImportedMailRepository.KindCode(f.Kind)).ToArray(), keys = folders.Select(f => f.Key).ToArray() };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(clear, new { userId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insert, args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}

using Digima.Core.Compose;
using Npgsql;

namespace Digima.Infrastructure.Compose;

/// <summary>Runs one recipient search statement as a prepared statement. Npgsql keeps it prepared
/// on the pooled physical connection, so only the first use on each connection pays for parsing
/// and planning; PostgreSQL then reuses the plan (Dapper cannot prepare, hence plain Npgsql).</summary>
internal static class RecipientSearchStatements
{
    /// <summary>Reads rows of (id, full_name, full_name_kana, company, email).</summary>
    public static async Task<List<RecipientMatch>> QueryAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        await command.PrepareAsync(cancellationToken);
        var matches = new List<RecipientMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new RecipientMatch(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return matches;
    }
}

using Npgsql;

namespace Digima.Benchmarks;

/// <summary>Each benchmark works in a database of its own on the bench PostgreSQL, made anew per run.</summary>
internal static class BenchDatabase
{
    /// <returns>The connection string of the fresh, empty database.</returns>
    public static async Task<string> RecreateAsync(string adminConnectionString, string name)
    {
        await using (var dataSource = NpgsqlDataSource.Create(adminConnectionString))
        {
            await using var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
            await using var create = dataSource.CreateCommand($"CREATE DATABASE {name}");
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }
}

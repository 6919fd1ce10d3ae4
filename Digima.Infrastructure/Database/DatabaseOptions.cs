using Microsoft.Extensions.Options;
using Npgsql;

namespace Digima.Infrastructure.Database;

/// <summary>Where the database is: <c>ConnectionStrings:Digima</c>, or the <c>DIGIMA_DB</c>
/// environment variable when that is not set.</summary>
public sealed class DatabaseOptions
{
    public string ConnectionString { get; set; } = "";
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "No database configured: set ConnectionStrings:Digima (or the DIGIMA_DB environment variable) " +
                "to a PostgreSQL connection string, e.g. Host=db;Database=digima;Username=digima;Password=...");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(builder.Host)
                ? ValidateOptionsResult.Fail("The database connection string has no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"The database connection string cannot be read: {e.Message}");
        }
    }
}

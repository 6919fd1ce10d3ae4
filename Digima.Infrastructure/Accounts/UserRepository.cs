using Dapper;
using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Infrastructure.Database;
using Npgsql;

namespace Digima.Infrastructure.Accounts;

internal sealed class UserRepository(NpgsqlDataSource dataSource) : IUserRepository
{
    private const string Columns = """
        id, email, display_name, role, time_zone_id AS time_zone_id, language, is_active,
        security_stamp, created_at
        """;

    public async Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM users WHERE lower(email) = lower(@email)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(new CommandDefinition(sql, new { email }, cancellationToken: cancellationToken));
    }

    public async Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM users WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<string?> GetPasswordHashAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = "SELECT password_hash FROM users WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM users ORDER BY is_active DESC, role DESC, display_name, id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<User>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<long> InsertAsync(User user, string passwordHash, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO users (email, display_name, role, time_zone_id, language, password_hash, is_active)
            VALUES (@Email, @DisplayName, @Role, @TimeZoneId, @Language, @PasswordHash, @IsActive)
            RETURNING id
            """;
        var args = new { user.Email, user.DisplayName, Role = user.Role.ToCode(), user.TimeZoneId, user.Language, PasswordHash = passwordHash, user.IsActive };
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.IsUniqueViolation("users_email_key"))
        {
            throw new DuplicateEmailException(user.Email);
        }
    }

    public async Task<bool> UpdateAsync(User user, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE users
            SET email = @Email, display_name = @DisplayName, role = @Role, time_zone_id = @TimeZoneId,
                language = @Language, is_active = @IsActive, updated_at = now(),
                security_stamp = CASE WHEN role <> @Role OR is_active <> @IsActive THEN gen_random_uuid() ELSE security_stamp END
            WHERE id = @Id
            """;
        var args = new { user.Id, user.Email, user.DisplayName, Role = user.Role.ToCode(), user.TimeZoneId, user.Language, user.IsActive };
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)) == 1;
        }
        catch (PostgresException e) when (e.IsUniqueViolation("users_email_key"))
        {
            throw new DuplicateEmailException(user.Email);
        }
    }

    public async Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE users SET password_hash = @passwordHash, security_stamp = gen_random_uuid(), updated_at = now()
            WHERE id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, passwordHash }, cancellationToken: cancellationToken));
    }

    public async Task UpdatePreferencesAsync(long id, string timeZoneId, string language, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE users SET time_zone_id = @timeZoneId, language = @language, updated_at = now() WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, timeZoneId, language }, cancellationToken: cancellationToken));
    }

    public async Task RotateSecurityStampAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE users SET security_stamp = gen_random_uuid() WHERE id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }
}

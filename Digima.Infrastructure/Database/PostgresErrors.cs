using Npgsql;

namespace Digima.Infrastructure.Database;

internal static class PostgresErrors
{
    public static bool IsUniqueViolation(this PostgresException e, string constraint) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == constraint;
}

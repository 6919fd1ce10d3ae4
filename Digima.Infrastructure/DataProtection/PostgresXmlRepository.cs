using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Digima.Infrastructure.DataProtection;

/// <summary>Keeps the Data Protection key ring in PostgreSQL so that every app node can read
/// cookies and mailbox secrets protected by any other node. The interface is synchronous.</summary>
internal sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        const string sql = "SELECT xml FROM data_protection_keys ORDER BY created_at";
        using var connection = dataSource.OpenConnection();
        return connection.Query<string>(sql).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        const string sql = """
            INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)
            ON CONFLICT (friendly_name) DO NOTHING
            """;
        using var connection = dataSource.OpenConnection();
        connection.Execute(sql, new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}

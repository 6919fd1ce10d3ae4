using Dapper;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Infrastructure.Database;
using Npgsql;

namespace Digima.Infrastructure.Customers;

internal sealed class CustomerRepository(NpgsqlDataSource dataSource) : ICustomerRepository
{
    private const string Columns = """
        c.id, c.last_name, c.first_name, c.last_name_kana, c.first_name_kana, c.email, c.company, c.company_kana,
        c.department, c.title, c.phone, c.owner_user_id, u.display_name AS owner_name,
        c.first_contact_at, c.last_contact_at, c.last_action_type, c.last_action_at, c.created_at, c.updated_at
        """;

    private const string EmailKey = "customers_email_key";

    public async Task<PagedResult<Customer>> SearchAsync(CustomerSearch search, CancellationToken cancellationToken)
    {
        // Every field in search_text starts after a separator, so "\n" + text finds a prefix of
        // any field: those rank first, with a prefix of a reading (CustomerReadingRanges). The
        // window count gives the total in the same round trip.
        const string sql = $"""
            SELECT {Columns}, count(*) OVER () AS total_count
            FROM customers c
            LEFT JOIN users u ON u.id = c.owner_user_id
            WHERE (@anywhere = '%%' OR c.search_text LIKE @anywhere OR {CustomerReadingRanges.Condition})
            ORDER BY (c.search_text LIKE @prefix OR {CustomerReadingRanges.Condition}) DESC,
                     c.last_name_kana = '', c.last_name_kana, c.first_name_kana, c.id
            LIMIT @Limit OFFSET @Offset
            """;
        var escaped = EscapeLike(search.FoldedText);
        var args = new DynamicParameters(new { anywhere = $"%{escaped}%", prefix = $"%{CustomerSearchText.FieldSeparator}{escaped}%", search.Limit, search.Offset });
        CustomerReadingRanges.AddParameters(args, search.FoldedText);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Customer, long, (Customer Customer, long Total)>(
            new CommandDefinition(sql, args, cancellationToken: cancellationToken),
            (customer, total) => (customer, total),
            splitOn: "total_count")).AsList();
        return new PagedResult<Customer>(rows.Select(r => r.Customer).ToList(), rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    public async Task<Customer?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM customers c LEFT JOIN users u ON u.id = c.owner_user_id WHERE c.id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Customer>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Customer>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM customers c LEFT JOIN users u ON u.id = c.owner_user_id WHERE c.id = ANY(@ids)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Customer>(new CommandDefinition(sql, new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<long> InsertAsync(Customer customer, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, InsertArgs(customer), cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.IsUniqueViolation(EmailKey))
        {
            throw new DuplicateEmailException(customer.Email);
        }
    }

    public async Task<bool> UpdateAsync(Customer customer, DateTimeOffset unchangedSince, CancellationToken cancellationToken)
    {
        // updated_at is the version of the editable fields (only this statement moves it): the
        // row is written only if nobody saved it since it was read, and the new value is always
        // later than the old, so two saves within one clock tick still differ.
        const string sql = """
            UPDATE customers
            SET last_name = @LastName, first_name = @FirstName, last_name_kana = @LastNameKana,
                first_name_kana = @FirstNameKana, email = @Email, company = @Company, company_kana = @CompanyKana, department = @Department,
                title = @Title, phone = @Phone, owner_user_id = @OwnerUserId, search_text = @SearchText,
                search_reading = @SearchReading, updated_at = GREATEST(clock_timestamp(), updated_at + interval '1 microsecond')
            WHERE id = @Id AND updated_at = @unchangedSince
            """;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var args = new DynamicParameters(InsertArgs(customer));
            args.Add("Id", customer.Id);
            args.Add("unchangedSince", unchangedSince);
            return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)) == 1;
        }
        catch (PostgresException e) when (e.IsUniqueViolation(EmailKey))
        {
            throw new DuplicateEmailException(customer.Email);
        }
    }

    public async Task<int> InsertAllAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = customers.Count > 0 ? customers[0] : null;
        try
        {
            foreach (var customer in customers)
            {
                current = customer;
                await connection.ExecuteAsync(new CommandDefinition(InsertSql, InsertArgs(customer), transaction, cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
            return customers.Count;
        }
        catch (PostgresException e) when (e.IsUniqueViolation(EmailKey))
        {
            throw new DuplicateEmailException(current!.Email);
        }
    }

    public async Task<IReadOnlySet<string>> FindExistingEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        const string sql = "SELECT lower(email) FROM customers WHERE lower(email) = ANY(@lowered)";
        var lowered = emails.Select(e => e.ToLowerInvariant()).Distinct().ToArray();
        if (lowered.Length == 0)
        {
            return new HashSet<string>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.QueryAsync<string>(new CommandDefinition(sql, new { lowered }, cancellationToken: cancellationToken));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private const string InsertSql = """
        INSERT INTO customers (last_name, first_name, last_name_kana, first_name_kana, email, company, company_kana,
                               department, title, phone, owner_user_id, search_text, search_reading, created_by_user_id)
        VALUES (@LastName, @FirstName, @LastNameKana, @FirstNameKana, @Email, @Company, @CompanyKana,
                @Department, @Title, @Phone, @OwnerUserId, @SearchText, @SearchReading, @CreatedByUserId)
        RETURNING id
        """;

    private static object InsertArgs(Customer c) => new
    {
        c.LastName,
        c.FirstName,
        c.LastNameKana,
        c.FirstNameKana,
        c.Email,
        c.Company,
        c.CompanyKana,
        c.Department,
        c.Title,
        c.Phone,
        c.OwnerUserId,
        SearchText = CustomerSearchText.Build(c),
        SearchReading = CustomerSearchText.BuildReading(c),
        c.CreatedByUserId,
    };

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}

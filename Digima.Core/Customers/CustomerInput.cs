namespace Digima.Core.Customers;

/// <summary>The editable fields of a customer, as typed in the form or read from a CSV row.</summary>
public sealed class CustomerInput
{
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastNameKana { get; set; } = "";
    public string FirstNameKana { get; set; } = "";
    public string Email { get; set; } = "";
    public string Company { get; set; } = "";
    public string CompanyKana { get; set; } = "";
    public string Department { get; set; } = "";
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
    public long? OwnerUserId { get; set; }

    /// <summary>The stored customer's <see cref="Customer.UpdatedAt"/> when the form was filled
    /// from it: saving refuses to overwrite a change made since (a colleague, another tab).
    /// Null for a new customer.</summary>
    public DateTimeOffset? Version { get; set; }

    public static CustomerInput From(Customer c) => new()
    {
        LastName = c.LastName,
        FirstName = c.FirstName,
        LastNameKana = c.LastNameKana,
        FirstNameKana = c.FirstNameKana,
        Email = c.Email,
        Company = c.Company,
        CompanyKana = c.CompanyKana,
        Department = c.Department,
        Title = c.Title,
        Phone = c.Phone,
        OwnerUserId = c.OwnerUserId,
        Version = c.UpdatedAt,
    };

    /// <summary>The customer these fields describe, trimmed and with full-width ASCII and
    /// half-width kana folded (NFKC), so 'ｻﾄｳ' is stored as 'サトウ'.</summary>
    public Customer ToCustomer(long id = 0) => new()
    {
        Id = id,
        LastName = Clean(LastName),
        FirstName = Clean(FirstName),
        LastNameKana = Clean(LastNameKana),
        FirstNameKana = Clean(FirstNameKana),
        Email = Clean(Email),
        Company = Clean(Company),
        CompanyKana = Clean(CompanyKana),
        Department = Clean(Department),
        Title = Clean(Title),
        Phone = Clean(Phone),
        OwnerUserId = OwnerUserId,
    };

    /// <summary>The names of the fields whose cleaned value differs in <paramref name="other"/>.</summary>
    public IReadOnlyList<string> ChangedFields(CustomerInput other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b) = (ToCustomer(), other.ToCustomer());
        var fields = new (string Name, object? Before, object? After)[]
        {
            (nameof(LastName), a.LastName, b.LastName), (nameof(FirstName), a.FirstName, b.FirstName),
            (nameof(LastNameKana), a.LastNameKana, b.LastNameKana), (nameof(FirstNameKana), a.FirstNameKana, b.FirstNameKana),
            (nameof(Email), a.Email, b.Email), (nameof(Company), a.Company, b.Company),
            (nameof(CompanyKana), a.CompanyKana, b.CompanyKana), (nameof(Department), a.Department, b.Department),
            (nameof(Title), a.Title, b.Title), (nameof(Phone), a.Phone, b.Phone), (nameof(OwnerUserId), a.OwnerUserId, b.OwnerUserId),
        };
        return fields.Where(f => !Equals(f.Before, f.After)).Select(f => f.Name).ToList();
    }

    internal static string Clean(string? value) =>
        (value ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim();
}

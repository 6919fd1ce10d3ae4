using Digima.Core.Customers;

namespace Digima.Infrastructure.Customers;

/// <summary>The CSV header names we accept for each field: the Japanese labels of the customer
/// form (what reps export from Excel) and English names for exports from other systems.</summary>
internal static class CustomerCsvColumns
{
    public const string Owner = "担当者";

    public static readonly IReadOnlyList<(string Japanese, string English, Action<CustomerInput, string>? Set)> All =
    [
        ("姓", "last_name", (c, v) => c.LastName = v),
        ("名", "first_name", (c, v) => c.FirstName = v),
        ("セイ", "last_name_kana", (c, v) => c.LastNameKana = v),
        ("メイ", "first_name_kana", (c, v) => c.FirstNameKana = v),
        ("メールアドレス", "email", (c, v) => c.Email = v),
        ("会社名", "company", (c, v) => c.Company = v),
        ("会社名カナ", "company_kana", (c, v) => c.CompanyKana = v),
        ("部署", "department", (c, v) => c.Department = v),
        ("役職", "title", (c, v) => c.Title = v),
        ("電話番号", "phone", (c, v) => c.Phone = v),
        (Owner, "owner_email", null),
    ];

    public static readonly IReadOnlyList<string> Required = ["姓", "メールアドレス"];

    /// <summary>The Japanese name of a header, or null when the header is unknown.</summary>
    public static string? Canonical(string header)
    {
        var trimmed = header.Trim().TrimStart('\uFEFF');
        var match = All.FirstOrDefault(c =>
            c.Japanese == trimmed || string.Equals(c.English, trimmed, StringComparison.OrdinalIgnoreCase));
        return match.Japanese;
    }
}

using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>The merge fields of 「差し込み項目を追加」 (R7). A token is the field's name in double
/// braces: Japanese ({{姓}}) or English ({{LastName}}). Both are accepted whatever the writer's
/// language, so a mail or template written by a Japanese user sends the same for an English one.</summary>
public static class MergeFields
{
    public const string SenderName = "送信者名";

    /// <summary>Field name, English name and how to read it from the primary recipient (or the sender).</summary>
    public static readonly IReadOnlyList<MergeField> All =
    [
        new("姓", "LastName", (c, _) => c.LastName),
        new("名", "FirstName", (c, _) => c.FirstName),
        new("セイ", "LastNameKana", (c, _) => c.LastNameKana),
        new("メイ", "FirstNameKana", (c, _) => c.FirstNameKana),
        new("会社名", "Company", (c, _) => c.Company),
        new("部署", "Department", (c, _) => c.Department),
        new("役職", "Title", (c, _) => c.Title),
        new("メールアドレス", "Email", (c, _) => c.Email),
        new("電話番号", "Phone", (c, _) => c.Phone),
        new(SenderName, "SenderName", (_, sender) => sender),
    ];

    public static string Token(string fieldName) => "{{" + fieldName + "}}";

    /// <summary>The field named in Japanese, or in English in any letter case.</summary>
    public static MergeField? Find(string name) =>
        All.FirstOrDefault(f => f.Name == name || string.Equals(f.EnglishName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Of the fields named (as a preview reports them empty), those the customer's record
    /// holds, by <see cref="CustomerInput"/> property name, in the order of 「差し込み項目」.</summary>
    public static IReadOnlyList<string> CustomerFields(IEnumerable<string> names)
    {
        var named = names.Select(Find).OfType<MergeField>().Select(f => f.CustomerField).ToHashSet();
        return All.Select(f => f.CustomerField).OfType<string>().Where(named.Contains).ToList();
    }
}

public sealed record MergeField(string Name, string EnglishName, Func<Customer, string, string> Value)
{
    public string Token => MergeFields.Token(Name);

    public string EnglishToken => MergeFields.Token(EnglishName);

    /// <summary>The name to show and insert for a user of LANGUAGE ("en" or "ja").</summary>
    public string NameFor(string language) => language == "en" ? EnglishName : Name;

    public string TokenFor(string language) => MergeFields.Token(NameFor(language));

    /// <summary>The <see cref="CustomerInput"/> property this field reads (the English names are
    /// those property names); null for the sender's name, which is no customer's.</summary>
    public string? CustomerField => Name == MergeFields.SenderName ? null : EnglishName;
}

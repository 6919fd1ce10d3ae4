using Digima.Core.Customers;

namespace Digima.Core.Compose;

/// <summary>The merge fields of 「差し込み項目を追加」 (R7). A token is the field's Japanese name in
/// double braces, e.g. {{姓}}: readable in the body and the same in every language.</summary>
public static class MergeFields
{
    public const string SenderName = "送信者名";

    /// <summary>Field name and how to read it from the primary recipient (or the sender).</summary>
    public static readonly IReadOnlyList<MergeField> All =
    [
        new("姓", (c, _) => c.LastName),
        new("名", (c, _) => c.FirstName),
        new("セイ", (c, _) => c.LastNameKana),
        new("メイ", (c, _) => c.FirstNameKana),
        new("会社名", (c, _) => c.Company),
        new("部署", (c, _) => c.Department),
        new("役職", (c, _) => c.Title),
        new("メールアドレス", (c, _) => c.Email),
        new("電話番号", (c, _) => c.Phone),
        new(SenderName, (_, sender) => sender),
    ];

    public static string Token(string fieldName) => "{{" + fieldName + "}}";

    public static MergeField? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}

public sealed record MergeField(string Name, Func<Customer, string, string> Value)
{
    public string Token => MergeFields.Token(Name);
}

namespace Digima.Core.Customers;

/// <summary>A customer record. Customers never sign in; reps write to them and mail from them is
/// imported. Empty optional fields are empty strings, never null, so "empty" has one meaning
/// for merge fields.</summary>
public sealed record Customer
{
    public long Id { get; init; }
    public required string LastName { get; init; }
    public string FirstName { get; init; } = "";
    public string LastNameKana { get; init; } = "";
    public string FirstNameKana { get; init; } = "";
    public required string Email { get; init; }
    public string Company { get; init; } = "";

    /// <summary>会社名カナ: how the company is read, so it is found by kana and romaji.</summary>
    public string CompanyKana { get; init; } = "";
    public string Department { get; init; } = "";
    public string Title { get; init; } = "";
    public string Phone { get; init; } = "";
    public long? OwnerUserId { get; init; }
    public string? OwnerName { get; init; }

    /// <summary>Who registered the customer (written once, at registration); null for seeded or
    /// older records. Mail a colleague's registration brings in is announced to the mailbox's rep.</summary>
    public long? CreatedByUserId { get; init; }

    /// <summary>初回連絡日時: set once, by the first mail sent to the customer.</summary>
    public DateTimeOffset? FirstContactAt { get; init; }

    /// <summary>直近連絡日時: the latest mail sent to the customer.</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    /// <summary>直近顧客行動タイプ: what the customer did last (e.g. mail received).</summary>
    public string? LastActionType { get; init; }

    /// <summary>直近顧客行動日時.</summary>
    public DateTimeOffset? LastActionAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Japanese order, family name first: 姓 名.</summary>
    public string FullName => JoinName(LastName, FirstName);

    public string FullNameKana => JoinName(LastNameKana, FirstNameKana);

    private static string JoinName(string family, string given) =>
        given.Length == 0 ? family : family.Length == 0 ? given : $"{family} {given}";
}

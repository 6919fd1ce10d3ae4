using System.ComponentModel.DataAnnotations;

namespace Digima.Core.Compose;

/// <summary><c>Digima:RecipientCheck</c>: the checks 「送信の確認」 runs on the recipients.</summary>
public sealed class RecipientCheckOptions
{
    public const string Section = "Digima:RecipientCheck";

    /// <summary>More external addresses than this in 宛先 and Cc with Bcc empty suggests Bcc: every
    /// customer would see the others' addresses, the usual leak in B2B mail.</summary>
    [Range(1, 100, ErrorMessage = "must be between {1} and {2}.")]
    public int BccSuggestedAbove { get; set; } = 5;
}

using System.ComponentModel.DataAnnotations;

namespace Digima.Core.Attachments;

/// <summary><c>Digima:Attachments</c>: how much a mail may carry.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Digima:Attachments";

    /// <summary>All attachments of one mail written in this app, together (compose's limit). Most
    /// servers refuse mail over 25 MB once base64 adds its third, so 20 MB is the default.</summary>
    [Range(1L, 100L * 1024 * 1024, ErrorMessage = "must be between {1} and {2}.")]
    public long MaxTotalBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Attachments of one imported mail kept, together; beyond it they are listed with a
    /// note and not stored.</summary>
    [Range(0L, 200L * 1024 * 1024, ErrorMessage = "must be between {1} and {2}.")]
    public long ImportMaxBytesPerMail { get; set; } = 25L * 1024 * 1024;
}

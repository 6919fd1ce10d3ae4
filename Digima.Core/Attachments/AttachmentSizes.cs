using System.Globalization;

namespace Digima.Core.Attachments;

/// <summary>Sizes as a rep reads them: KB under a megabyte, MB with one decimal above (1 MB =
/// 1024 KB, as the limit in settings counts).</summary>
public static class AttachmentSizes
{
    private const double Kilobyte = 1024;
    private const double Megabyte = 1024 * 1024;

    public static string Format(long bytes) => bytes < Megabyte
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, Math.Ceiling(bytes / Kilobyte)):0} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / Megabyte:0.#} MB");
}

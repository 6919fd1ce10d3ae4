using AngleSharp.Dom;
using Ganss.Xss;

namespace Digima.Infrastructure.MailImport;

/// <summary>Makes received HTML safe to store and show (R27), once, at import: no script, event
/// handlers, frames, forms or javascript: links survive. Remote images are kept but blocked:
/// their address moves from src to data-src, so nothing loads (no tracking pixel fires) until
/// the preview's 「画像を表示」 copies it back for that mail. CSS properties that can fetch a URL
/// are dropped for the same reason.</summary>
internal sealed class MailHtmlSanitizer
{
    public const string BlockedSourceAttribute = "data-src";

    private static readonly string[] FormTags = ["form", "input", "button", "select", "textarea", "option", "optgroup", "fieldset"];

    private static readonly string[] UrlCssProperties =
    [
        "background", "background-image", "list-style", "list-style-image", "border-image", "border-image-source",
        "content", "cursor", "mask", "mask-image", "filter",
    ];

    private readonly HtmlSanitizer _sanitizer;

    public MailHtmlSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        foreach (var tag in FormTags)
        {
            _sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var property in UrlCssProperties)
        {
            _sanitizer.AllowedCssProperties.Remove(property);
        }

        _sanitizer.AllowedAttributes.Remove("background");
        _sanitizer.AllowedAttributes.Remove("srcset");
        _sanitizer.AllowedAttributes.Remove("poster");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.PostProcessNode += (_, e) => BlockRemoteImage(e.Node);
    }

    /// <summary>The sanitized fragment; "" when nothing safe is left.</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private static void BlockRemoteImage(INode node)
    {
        if (node is IElement { LocalName: "img" } img && img.GetAttribute("src") is { } src)
        {
            img.RemoveAttribute("src");
            if (src.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                img.SetAttribute(BlockedSourceAttribute, src);
            }
        }
    }
}

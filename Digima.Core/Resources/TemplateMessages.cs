namespace Digima.Core.Resources;

/// <summary>Marker for the template validation messages (TemplateMessages.resx is Japanese, the
/// default; TemplateMessages.en.resx is English).</summary>
public sealed class TemplateMessages;

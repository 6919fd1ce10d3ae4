namespace Digima.Core.Resources;

/// <summary>Marker for validation and use-case messages (CoreMessages.resx is Japanese, the
/// default; CoreMessages.en.resx is English).</summary>
public sealed class CoreMessages;

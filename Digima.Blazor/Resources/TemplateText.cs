namespace Digima.Blazor.Resources;

/// <summary>Marker for the text of 「テンプレート」: TemplateText.resx is Japanese (the default),
/// TemplateText.en.resx English. Kept apart from UiText so the feature's strings live together.</summary>
public sealed class TemplateText;

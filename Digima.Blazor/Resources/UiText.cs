namespace Digima.Blazor.Resources;

/// <summary>Marker for the UI text: UiText.resx is Japanese (the default), UiText.en.resx English.</summary>
public sealed class UiText;

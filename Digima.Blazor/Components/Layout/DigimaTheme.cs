using MudBlazor;

namespace Digima.Blazor.Components.Layout;

/// <summary>House colours and a Japanese-first font stack (Noto Sans CJK where the OS has it).</summary>
internal static class DigimaTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4e89",
            Secondary = "#00897b",
            AppbarBackground = "#1d4e89",
            Background = "#f5f7fa",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", "sans-serif"],
            },
            // Labels as written: MudBlazor's default upper-cases every button ("SEND NOW").
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}

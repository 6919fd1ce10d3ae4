namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>添付ファイル: files are dropped anywhere on the compose card, not only on a small box,
/// as reps do in their mail clients.</summary>
public partial class ComposePage
{
    private const string ComposeCardId = "compose-card";
}

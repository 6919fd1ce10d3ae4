namespace Digima.Core.Compose.Signatures;

/// <summary>The signature as 個人設定 submits it, already normalised by <see cref="SignatureBlock.Normalize"/>.</summary>
public sealed record SignatureInput(string Text);

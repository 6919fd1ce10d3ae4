namespace Digima.Blazor.Resources;

/// <summary>Marker for the text of 「メールボックス連携」: MailboxText.resx is Japanese (the default),
/// MailboxText.en.resx English. Kept apart from UiText so the feature's strings live together.</summary>
public sealed class MailboxText;

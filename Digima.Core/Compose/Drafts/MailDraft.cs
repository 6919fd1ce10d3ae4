namespace Digima.Core.Compose.Drafts;

/// <summary>A rep's 「下書き」 as stored. <see cref="Version"/> goes up by one on every save, so a
/// save made from an older copy (another tab) is refused instead of overwriting.</summary>
public sealed record MailDraft(long Id, long UserId, int Version, DraftContent Content, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One row of the 「下書き」 list on 個別メール.</summary>
/// <param name="ToNames">宛先 names (the address when a recipient has no name), in order.</param>
/// <param name="OtherRecipients">How many Cc and Bcc recipients there are besides.</param>
public sealed record DraftSummary(long Id, string Subject, IReadOnlyList<string> ToNames, int OtherRecipients, DateTimeOffset UpdatedAt);

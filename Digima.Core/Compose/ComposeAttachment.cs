namespace Digima.Core.Compose;

/// <summary>A file attached in compose: a loose stored file of the rep's (uploaded, or copied by
/// 複製 or a template). Name, size and type are what the upload returned, for showing; the send
/// checks them against the store, never trusts them.</summary>
public sealed record ComposeAttachment(long FileId, string Name, long Size, string ContentType);

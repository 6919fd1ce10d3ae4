namespace Digima.Core.Attachments;

/// <summary>A mail named files that are not the rep's loose uploads any more (sent with another
/// mail meanwhile, removed, or never theirs): nothing was queued.</summary>
public sealed class AttachmentsUnavailableException(string message) : Exception(message);

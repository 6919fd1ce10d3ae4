namespace Digima.Core.Attachments;

/// <summary>Uploads nobody will send: a compose page closed before its draft was saved, a file
/// taken out of a draft from another tab. Kept for <see cref="Keep"/> (a rep may still be
/// writing, and the draft's next save names them), then deleted unless a draft of their owner
/// names them. Safe on every node at once: one conditional DELETE.</summary>
public sealed class RemoveAbandonedUploadsCommand(IAttachmentStore store, TimeProvider time)
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(2);

    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        store.DeleteAbandonedAsync(time.GetUtcNow() - Keep, cancellationToken);
}

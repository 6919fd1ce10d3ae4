using Digima.Core.Common;
using Digima.Core.Sending;

namespace Digima.Core.Compose;

/// <summary>「今すぐ送信」 (R10): builds the mail (validation, merge fields, R8) and queues it with
/// its Message-ID in one transaction. The outbox worker sends it through the rep's own server (R2).</summary>
public sealed class SendMailCommand(ComposedMailFactory factory, IOutgoingMailRepository outbox, IOutboxSignal signal)
{
    /// <summary>Property name of a failure about merge fields; its CustomState is the customer id.</summary>
    public const string MergeProblem = "Merge";
    public const string MailboxProblem = "Mailbox";

    public async Task<Outcome<long>> SendNowAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        var built = await factory.BuildAsync(actor, input, cancellationToken);
        if (!built.Succeeded)
        {
            return Outcome<long>.Failure(built.Errors);
        }

        var id = await outbox.InsertAsync(built.Value!, cancellationToken);
        signal.MailQueued();
        return Outcome<long>.Success(id);
    }
}

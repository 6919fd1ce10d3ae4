using Digima.Core.Common;
using Digima.Core.Sending;
using Digima.Core.Sending.UndoSend;
using Digima.Core.Telemetry;

namespace Digima.Core.Compose;

/// <summary>「今すぐ送信」 (R10): builds the mail (validation, merge fields, R8) and queues it with
/// its Message-ID in one transaction. The outbox worker sends it through the rep's own server (R2)
/// once the rep's 「送信の取り消し猶予」 is over: the wait is the row's send_after, so it holds on
/// any node and across restarts, and the mail then goes the one way every queued mail goes.</summary>
public sealed class SendMailCommand(ComposedMailFactory factory, IOutboxSignal signal, GetUndoGraceQuery grace)
{
    /// <summary>Property name of a failure about merge fields; its CustomState is the customer id.</summary>
    public const string MergeProblem = "Merge";
    public const string MailboxProblem = "Mailbox";

    public async Task<Outcome<long>> SendNowAsync(CurrentUser actor, ComposeInput input, CancellationToken cancellationToken)
    {
        // The trace the outbox worker continues: the insert stores this span's traceparent.
        using var span = DigimaTelemetry.Source.StartActivity(SpanNames.SendNow);
        span?.SetTag(TelemetryTags.UserId, actor.Id);
        var built = await factory.BuildAsync(actor, input, cancellationToken);
        if (!built.Succeeded)
        {
            return Outcome<long>.Failure(built.Errors);
        }

        var mail = built.Value!;
        var wait = await grace.GetAsync(actor, cancellationToken);
        var queued = await factory.InsertAsync(wait > TimeSpan.Zero ? mail with { SendAfter = mail.CreatedAt + wait } : mail, cancellationToken);
        if (queued.Succeeded)
        {
            span?.SetTag(TelemetryTags.MailId, queued.Value);
            DigimaTelemetry.MailQueued("now");
            signal.MailQueued();
        }

        return queued;
    }
}

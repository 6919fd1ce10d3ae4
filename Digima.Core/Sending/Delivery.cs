namespace Digima.Core.Sending;

/// <summary>What became of a batch of claimed mail handed to <see cref="MailDelivery"/>. Sent mail
/// is finished; the caller decides what a failed or untried mail becomes (queued mail and scheduled
/// mail retry differently).</summary>
/// <param name="Sent">Accepted by the server, copied to Sent (when the mailbox keeps copies), marked sent.</param>
/// <param name="Failed">Refused or not taken by the server; still in sending.</param>
/// <param name="NotTried">Never handed to the server: the node is stopping, or the server failed
/// for all mail (a transient failure) before their turn; still in sending.</param>
public sealed record Delivery(IReadOnlyList<OutgoingMail> Sent, IReadOnlyList<FailedDelivery> Failed, IReadOnlyList<OutgoingMail> NotTried)
{
    /// <summary>A failure that was not one mail's own (not a refused recipient): the server is
    /// busy or unreachable, and the rest of the batch was left for later.</summary>
    public bool ServerFailing => Failed.Any(f => !f.Result.Permanent);
}

/// <param name="Result">The server's answer, with the reason to show the rep.</param>
public sealed record FailedDelivery(OutgoingMail Mail, TransportResult Result);

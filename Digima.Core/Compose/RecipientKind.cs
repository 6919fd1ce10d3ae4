namespace Digima.Core.Compose;

public enum RecipientKind
{
    To,
    Cc,
    Bcc,
}

/// <summary>Who a recipient is to the app.</summary>
public enum RecipientParty
{
    /// <summary>A registered customer: the mail lands on their timeline. 宛先 holds only these (R4).</summary>
    Customer,

    /// <summary>A user of the app (社内) in Cc or Bcc: internal, never made a customer.</summary>
    Colleague,

    /// <summary>Any other valid address in Cc or Bcc, sent to as typed and never made a customer.</summary>
    Address,
}

/// <summary>A chip in 宛先, Cc or Bcc. 宛先 is always a registered customer (an unknown address is
/// first added as a customer, R4), so every mail lands on the customers' timelines; Cc and Bcc may
/// also hold a colleague (<paramref name="UserId"/>) or a plain address (both ids null).</summary>
public sealed record ComposeRecipient(long? CustomerId, string Email, string DisplayName, long? UserId = null)
{
    public RecipientParty Party => CustomerId is not null ? RecipientParty.Customer
        : UserId is not null ? RecipientParty.Colleague
        : RecipientParty.Address;

    public static ComposeRecipient Colleague(long userId, string email, string displayName) => new(null, email, displayName, userId);

    public static ComposeRecipient Address(string email, string displayName = "") => new(null, email.Trim(), displayName);

    /// <summary>Whether both name the same recipient: the same customer, else the same address.</summary>
    public bool SameAs(ComposeRecipient other) =>
        CustomerId is { } id && other.CustomerId is { } otherId
            ? id == otherId
            : string.Equals(Email.Trim(), other.Email.Trim(), StringComparison.OrdinalIgnoreCase);
}

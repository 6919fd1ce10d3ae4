namespace Digima.Core.Compose;

public enum RecipientKind
{
    To,
    Cc,
    Bcc,
}

/// <summary>A chip in 宛先, Cc or Bcc: always a registered customer (an unknown address is first
/// added as a customer, R4), so every mail lands on the customers' timelines.</summary>
public sealed record ComposeRecipient(long CustomerId, string Email, string DisplayName);

namespace Digima.Core.Scheduling;

/// <summary>Why a scheduled mail was held, for the machine (the held reason is the rep's text, in
/// the rep's language): what may release it without the rep editing it.</summary>
public enum HeldCause
{
    /// <summary>The mail itself: an empty merge field, a recipient no longer a customer. Only an edit releases it.</summary>
    Content,

    /// <summary>The mailbox could not be used (not connected, a secret that cannot be decrypted,
    /// 「再接続が必要」): released when the rep connects or saves it again.</summary>
    Mailbox,
}

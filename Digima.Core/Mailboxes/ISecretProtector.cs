namespace Digima.Core.Mailboxes;

/// <summary>Encrypts secrets (mailbox passwords) for storage, with keys every app node shares.</summary>
public interface ISecretProtector
{
    /// <summary>The encrypted, printable form of <paramref name="secret"/>; a different text each call.</summary>
    string Protect(string secret);

    /// <summary>The secret back from the output of <see cref="Protect"/>.</summary>
    /// <exception cref="SecretUnreadableException">The text was changed, or the key that
    /// encrypted it is gone (e.g. the key store was reset): the rep must type the password again.</exception>
    string Unprotect(string protectedSecret);
}

/// <summary>A saved secret can no longer be decrypted. The message never holds the secret.</summary>
public sealed class SecretUnreadableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

namespace Digima.Core.Common;

/// <summary>The email is already used by another record of the same kind (the database's
/// unique index said so, which also covers two people saving at the same moment).</summary>
public sealed class DuplicateEmailException(string email) : Exception($"The email '{email}' is already in use.")
{
    public string Email { get; } = email;
}

namespace Digima.Core.Mailboxes;

/// <summary>How many 「接続テスト」 runs a user may start: each run makes the server open two
/// connections wherever the form points, so without a limit it would serve as a port scanner.</summary>
public interface IConnectionTestLimiter
{
    /// <summary>Takes one run from the user's allowance; false when it is used up for now.</summary>
    bool TryAcquire(long userId);
}

using Digima.Core.Common;

namespace Digima.Core.Sending.UndoSend;

/// <summary><c>Digima:Sending</c>: the grace of a user who never chose one in 個人設定.</summary>
public sealed class UndoGraceOptions
{
    public const string Section = "Digima:Sending";

    /// <summary>10 s in production. The test fixtures set 0 so that a mail sent by a test goes at
    /// once, as every test written before the grace expects.</summary>
    [TimeSpanRange("00:00:00", "00:00:30")]
    public TimeSpan UndoGrace { get; set; } = TimeSpan.FromSeconds(10);
}

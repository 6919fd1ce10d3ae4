namespace Digima.Core.Sending.UndoSend;

/// <summary>個人設定 → 「送信の取り消し猶予」 as submitted, in whole seconds.</summary>
public sealed record UndoGraceInput(int Seconds);

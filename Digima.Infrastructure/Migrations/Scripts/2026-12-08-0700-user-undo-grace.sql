-- 個人設定 → 「送信の取り消し猶予」: how long 「今すぐ送信」 waits in the outbox (send_after) so the
-- rep can take the mail back. A table of its own like user_signatures: the user list and sign-in
-- never need it. No row means the configured default (Digima:Sending:UndoGrace).
CREATE TABLE user_send_preferences (
    user_id            bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    undo_grace_seconds integer     NOT NULL CHECK (undo_grace_seconds BETWEEN 0 AND 30),
    updated_at         timestamptz NOT NULL
);

-- 個人設定 → 「署名」: one plain-text signature per user, merge tokens kept as typed (they are
-- filled per recipient when a mail is sent). A table of its own rather than a users column: the
-- user list and sign-in never need it. No row means no signature.
CREATE TABLE user_signatures (
    user_id    bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    updated_at timestamptz NOT NULL
);

-- A security stamp per user: every sign-in cookie carries it and every request and open screen
-- compares it with this column, so changing it ends every session of that user (role change,
-- password change, deactivation, sign-out).
ALTER TABLE users ADD COLUMN security_stamp uuid NOT NULL DEFAULT gen_random_uuid();

-- Failed sign-ins are counted per typed address, known or not, so an address that has no
-- account locks exactly like one that has: the answer does not tell them apart.
CREATE TABLE sign_in_failures (
    email_key      text        PRIMARY KEY,
    failures       integer     NOT NULL,
    locked_until   timestamptz,
    last_failed_at timestamptz NOT NULL
);

ALTER TABLE users DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;

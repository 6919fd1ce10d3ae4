-- Authorizations a rep started with 「… で接続」 and has not finished: the state and PKCE verifier
-- the provider's redirect must come back with. A row is deleted when the redirect uses it, so a
-- state works once; expired rows are dropped by the next redirect. The verifier is Data
-- Protection ciphertext, like the tokens.
CREATE TABLE oauth_starts (
    state                   text        PRIMARY KEY,
    user_id                 bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider                text        NOT NULL,
    code_verifier_protected text        NOT NULL,
    expires_at              timestamptz NOT NULL
);

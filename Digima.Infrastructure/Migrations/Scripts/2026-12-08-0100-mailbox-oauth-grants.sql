-- Mailboxes reached with an OAuth 2.0 grant (Google Workspace, Microsoft 365, any OpenID Connect
-- provider) instead of a password (R1, R2, R18). The *_token_protected columns hold ASP.NET Core
-- Data Protection ciphertext like the passwords, never a token in clear. The password columns of
-- an oauth2 mailbox hold '' (there is no password to keep).
ALTER TABLE mailboxes
    ADD COLUMN auth_method                   text        NOT NULL DEFAULT 'password'
        CHECK (auth_method IN ('password', 'oauth2')),
    -- The Digima:OAuth:Providers:<name> that issued the grant.
    ADD COLUMN oauth_provider                text,
    ADD COLUMN oauth_refresh_token_protected text,
    ADD COLUMN oauth_access_token_protected  text,
    ADD COLUMN oauth_access_token_expires_at timestamptz,
    -- When the access token was issued: its lifetime sets how early it is refreshed.
    ADD COLUMN oauth_access_token_issued_at  timestamptz,
    ADD COLUMN oauth_connected_at            timestamptz,
    -- 「再接続が必要」: the provider refused the refresh for good (grant revoked, password changed,
    -- consent withdrawn). Sending and import pause until the rep connects the mailbox again.
    ADD COLUMN reconnect_required_reason     text,
    ADD COLUMN reconnect_required_at         timestamptz,
    ADD CONSTRAINT mailboxes_oauth_grant_complete CHECK (
        auth_method = 'password'
        OR (oauth_provider IS NOT NULL AND oauth_refresh_token_protected IS NOT NULL));

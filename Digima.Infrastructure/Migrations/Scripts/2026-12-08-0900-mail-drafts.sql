-- Compose's 「下書き」: saved by the page as the rep types, so a lost circuit, a restart or the
-- other node taking over loses nothing. content is the whole compose input as JSON (what compose
-- adds later travels without a migration); subject and the 宛先 names are copied out for the list
-- on 個別メール. version guards every save (UPDATE ... WHERE version = @expected): two tabs on one
-- draft never overwrite each other silently.
CREATE TABLE mail_drafts (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version          integer     NOT NULL DEFAULT 1,
    content          jsonb       NOT NULL,
    subject          text        NOT NULL,
    to_names         text[]      NOT NULL,
    other_recipients integer     NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE INDEX mail_drafts_user_updated ON mail_drafts (user_id, updated_at DESC, id DESC);

-- Private mail (see docs/security.md, "Who sees which mail").
-- A rep may mark an imported mail private: only they and managers read it; everyone else sees
-- on the timeline that a private mail exists, without its content.
ALTER TABLE imported_mails ADD COLUMN is_private boolean NOT NULL DEFAULT false;

-- Addresses and domains a rep never imports (family, friends, their own other accounts).
-- Common free-mail domains are offered switched off (MailPrivacyRules.FreeMailDomains) and get
-- a row only when the rep switches one on.
CREATE TABLE mail_never_import (
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- An address (has @) or a domain (and its subdomains), lower case.
    pattern     text        NOT NULL,
    enabled     boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, pattern)
);

-- Who read the body of which imported mail, for managers to review. Kept when the mail is
-- deleted (the subject and owner are copied), gone with the viewer's or owner's account.
CREATE TABLE mail_body_views (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    viewer_user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    owner_user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    imported_mail_id  bigint      REFERENCES imported_mails (id) ON DELETE SET NULL,
    subject           text        NOT NULL,
    was_private       boolean     NOT NULL,
    viewed_at         timestamptz NOT NULL
);

CREATE INDEX mail_body_views_recent ON mail_body_views (viewed_at DESC, id DESC);

-- Who registered a customer: mail imported for a customer a colleague registered lately is
-- announced to the mailbox's rep, who may make it private in one click.
ALTER TABLE customers ADD COLUMN created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL;

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('opened', 'held', 'recentcustomermail'));

-- Mail imported from each rep's own mailbox (R18-R25). Only mail exchanged with a registered
-- customer is stored; one row per (user, Message-ID): the same mail in Inbox and Sent, or seen
-- again after a UIDVALIDITY change, is one mail. Mail without a Message-ID gets a stable
-- "hash:" identity computed from its headers (see MailIdentity).
CREATE TABLE imported_mails (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message_id      text        NOT NULL,
    -- received: the rep got it; sent: the rep sent it from their own mail client.
    direction       text        NOT NULL CHECK (direction IN ('received', 'sent')),
    -- Where it was first found; informational (the app never writes to the server).
    folder_kind     text        NOT NULL CHECK (folder_kind IN ('inbox', 'sent')),
    uid_validity    bigint      NOT NULL,
    uid             bigint      NOT NULL,
    subject         text        NOT NULL DEFAULT '',
    from_address    text        NOT NULL DEFAULT '',
    from_name       text        NOT NULL DEFAULT '',
    -- [{"Address": "...", "Name": "..."}]
    to_list         jsonb       NOT NULL DEFAULT '[]',
    cc_list         jsonb       NOT NULL DEFAULT '[]',
    mail_date       timestamptz NOT NULL,
    snippet         text        NOT NULL DEFAULT '',
    body_text       text        NOT NULL DEFAULT '',
    -- Sanitized at import (HtmlSanitizer); remote images carry data-src, not src.
    body_html       text,
    -- [{"Name": "...", "Size": 123}]
    attachments     jsonb       NOT NULL DEFAULT '[]',
    in_reply_to     text,
    "references"    text[]      NOT NULL DEFAULT '{}',
    -- The first Message-ID of the conversation: mails sharing it form one thread.
    thread_key      text        NOT NULL,
    imported_at     timestamptz NOT NULL
);

CREATE UNIQUE INDEX imported_mails_user_message_key ON imported_mails (user_id, message_id);
CREATE INDEX imported_mails_user_tab ON imported_mails (user_id, direction, mail_date DESC, id DESC);
CREATE INDEX imported_mails_user_thread ON imported_mails (user_id, thread_key);

CREATE TABLE imported_mail_customers (
    mail_id      bigint NOT NULL REFERENCES imported_mails (id) ON DELETE CASCADE,
    customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    -- How the customer appears in the mail: from, to or cc.
    role         text   NOT NULL CHECK (role IN ('from', 'to', 'cc')),
    PRIMARY KEY (mail_id, customer_id, role)
);

CREATE INDEX imported_mail_customers_customer ON imported_mail_customers (customer_id, mail_id DESC);

-- Per user and folder: where the last committed batch ended. Written in the same transaction
-- as the batch, so a sync cut anywhere resumes after the last stored batch.
CREATE TABLE mail_import_cursors (
    user_id          bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    folder_kind      text        NOT NULL CHECK (folder_kind IN ('inbox', 'sent')),
    folder_name      text        NOT NULL,
    uid_validity     bigint      NOT NULL,
    last_uid         bigint      NOT NULL,
    highest_modseq   numeric(20) NOT NULL DEFAULT 0,
    seen_count       bigint      NOT NULL DEFAULT 0,
    imported_count   bigint      NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (user_id, folder_kind)
);

-- Mail the rep deleted in the app (R23): never imported again.
CREATE TABLE imported_mail_tombstones (
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message_id  text        NOT NULL,
    deleted_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, message_id)
);

-- Messages the importer could not read, with the reason, shown in the sync status.
CREATE TABLE mail_import_skipped (
    user_id       bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    folder_kind   text        NOT NULL CHECK (folder_kind IN ('inbox', 'sent')),
    uid_validity  bigint      NOT NULL,
    uid           bigint      NOT NULL,
    message_id    text,
    reason        text        NOT NULL,
    skipped_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, folder_kind, uid_validity, uid)
);

CREATE TABLE mail_import_status (
    user_id          bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_attempt_at  timestamptz,
    last_success_at  timestamptz,
    last_error       text,
    last_error_at    timestamptz
);

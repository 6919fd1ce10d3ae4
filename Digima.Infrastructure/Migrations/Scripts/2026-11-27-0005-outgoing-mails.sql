-- Individual mail written in the app (the outbox). Subject and body are stored rendered and
-- as typed (with merge tokens). The Message-ID is fixed before sending so a crash mid-send
-- can be resolved by finding it in the rep's Sent folder.
CREATE TABLE outgoing_mails (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           bigint      NOT NULL REFERENCES users (id),
    status            text        NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    message_id        text        NOT NULL,
    subject           text        NOT NULL,
    body_text         text        NOT NULL,
    subject_template  text        NOT NULL DEFAULT '',
    body_template     text        NOT NULL DEFAULT '',
    open_tracking     boolean     NOT NULL DEFAULT false,
    click_tracking    boolean     NOT NULL DEFAULT false,
    notify_on_open    boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    claimed_at        timestamptz,
    smtp_accepted_at  timestamptz,
    sent_at           timestamptz,
    failed_at         timestamptz,
    error             text,
    attempts          integer     NOT NULL DEFAULT 0,
    sent_copy_saved   boolean     NOT NULL DEFAULT false
);

CREATE UNIQUE INDEX outgoing_mails_message_id_key ON outgoing_mails (message_id);
CREATE INDEX outgoing_mails_user_created ON outgoing_mails (user_id, created_at DESC, id DESC);
CREATE INDEX outgoing_mails_pending ON outgoing_mails (created_at, id) WHERE status IN ('queued', 'sending');

CREATE TABLE outgoing_mail_recipients (
    mail_id      bigint NOT NULL REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    kind         text   NOT NULL CHECK (kind IN ('to', 'cc', 'bcc')),
    customer_id  bigint NOT NULL REFERENCES customers (id),
    email        text   NOT NULL,
    display_name text   NOT NULL,
    PRIMARY KEY (mail_id, position)
);

CREATE INDEX outgoing_mail_recipients_customer ON outgoing_mail_recipients (customer_id, mail_id DESC);

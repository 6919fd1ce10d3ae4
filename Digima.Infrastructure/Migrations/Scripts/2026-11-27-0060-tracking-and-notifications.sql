-- Open and click tracking (R9) and the reps' notifications (R28).

-- The secret behind tracking tokens and IP hashes: one row, made on first use by whichever node
-- comes first, shared by every node (like the Data Protection key ring).
CREATE TABLE tracking_keys (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

-- One row per image fetch or link click. No raw IP: only a keyed hash, to tell repeats apart.
CREATE TABLE tracking_events (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mail_id            bigint      NOT NULL REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    customer_id        bigint      REFERENCES customers (id) ON DELETE SET NULL,
    kind               text        NOT NULL CHECK (kind IN ('open', 'click')),
    link_url           text,
    occurred_at        timestamptz NOT NULL,
    user_agent         text        NOT NULL DEFAULT '',
    ip_hash            text        NOT NULL DEFAULT '',
    probably_automated boolean     NOT NULL,
    automated_reason   text
);

CREATE INDEX tracking_events_mail ON tracking_events (mail_id, occurred_at);
CREATE INDEX tracking_events_customer ON tracking_events (customer_id, occurred_at DESC) WHERE customer_id IS NOT NULL;

CREATE TABLE notifications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id),
    kind         text        NOT NULL CHECK (kind IN ('opened', 'held')),
    mail_id      bigint      REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    customer_id  bigint      REFERENCES customers (id) ON DELETE SET NULL,
    subject      text        NOT NULL,
    party        text        NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL,
    read_at      timestamptz
);

CREATE INDEX notifications_user ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Events the app records about a customer (R13): scheduled, held, failed, opened, clicked,
-- contact_field_changed. Written through ICustomerEventRecorder by any feature.
CREATE TABLE customer_events (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id       bigint      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind              text        NOT NULL CHECK (kind IN ('scheduled', 'held', 'failed', 'opened', 'clicked', 'contact_field_changed')),
    occurred_at       timestamptz NOT NULL,
    user_id           bigint      REFERENCES users (id) ON DELETE SET NULL,
    outgoing_mail_id  bigint      REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    detail            text        NOT NULL DEFAULT ''
);

CREATE INDEX customer_events_outgoing ON customer_events (outgoing_mail_id) WHERE outgoing_mail_id IS NOT NULL;

-- One row per thing on a customer's timeline, so a page is one index range scan (keyset on
-- occurred_at DESC, id DESC) however many mails and events exist. A mail is one row per
-- customer, once: the unique (customer_id, message_id) drops the imported copy of a mail sent
-- from this app and the same mail imported from a second rep's mailbox. Kept by the triggers
-- below in the same transaction as the mail or event (see docs/decisions/0007-timeline-and-threads.md).
CREATE TABLE customer_timeline (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id       bigint      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    occurred_at       timestamptz NOT NULL,
    -- Seen from the customer: 'in' = they wrote it, 'out' = to them, 'none' = an event.
    direction         text        NOT NULL CHECK (direction IN ('in', 'out', 'none')),
    message_id        text,
    outgoing_mail_id  bigint      REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    imported_mail_id  bigint      REFERENCES imported_mails (id) ON DELETE CASCADE,
    event_id          bigint      REFERENCES customer_events (id) ON DELETE CASCADE,
    CHECK (num_nonnulls(outgoing_mail_id, imported_mail_id, event_id) = 1)
);

CREATE UNIQUE INDEX customer_timeline_mail_key ON customer_timeline (customer_id, message_id);
CREATE INDEX customer_timeline_page ON customer_timeline (customer_id, occurred_at DESC, id DESC);
CREATE INDEX customer_timeline_added ON customer_timeline (customer_id, id);
CREATE INDEX customer_timeline_outgoing ON customer_timeline (outgoing_mail_id) WHERE outgoing_mail_id IS NOT NULL;
CREATE INDEX customer_timeline_imported ON customer_timeline (imported_mail_id) WHERE imported_mail_id IS NOT NULL;
CREATE INDEX customer_timeline_event ON customer_timeline (event_id) WHERE event_id IS NOT NULL;

CREATE FUNCTION customer_timeline_add_outgoing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, outgoing_mail_id)
    SELECT DISTINCT r.customer_id, m.created_at, 'out', m.message_id, m.id
    FROM new_rows r JOIN outgoing_mails m ON m.id = r.mail_id
    ON CONFLICT (customer_id, message_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION customer_timeline_add_imported() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A customer who is both sender and recipient of one mail: the mail is theirs ('in').
    INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, imported_mail_id)
    SELECT DISTINCT ON (l.customer_id, m.id) l.customer_id, m.mail_date, CASE WHEN l.role = 'from' THEN 'in' ELSE 'out' END, m.message_id, m.id
    FROM new_rows l JOIN imported_mails m ON m.id = l.mail_id
    ORDER BY l.customer_id, m.id, (l.role = 'from') DESC
    ON CONFLICT (customer_id, message_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION customer_timeline_add_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_timeline (customer_id, occurred_at, direction, event_id)
    SELECT e.customer_id, e.occurred_at, 'none', e.id FROM new_rows e;
    RETURN NULL;
END $$;

CREATE TRIGGER outgoing_mail_recipients_timeline AFTER INSERT ON outgoing_mail_recipients
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_timeline_add_outgoing();
CREATE TRIGGER imported_mail_customers_timeline AFTER INSERT ON imported_mail_customers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_timeline_add_imported();
CREATE TRIGGER customer_events_timeline AFTER INSERT ON customer_events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_timeline_add_event();

-- Mail written before this migration: app mail first, so it wins over its imported copy.
INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, outgoing_mail_id)
SELECT DISTINCT r.customer_id, m.created_at, 'out', m.message_id, m.id
FROM outgoing_mail_recipients r JOIN outgoing_mails m ON m.id = r.mail_id
ON CONFLICT (customer_id, message_id) DO NOTHING;

INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, imported_mail_id)
SELECT DISTINCT ON (l.customer_id, m.id) l.customer_id, m.mail_date, CASE WHEN l.role = 'from' THEN 'in' ELSE 'out' END, m.message_id, m.id
FROM imported_mail_customers l JOIN imported_mails m ON m.id = l.mail_id
ORDER BY l.customer_id, m.id, (l.role = 'from') DESC
ON CONFLICT (customer_id, message_id) DO NOTHING;

-- Threads across sent and received mail and every mailbox (R15, R17): one row per Message-ID
-- with what threading needs. thread_id is computed in the application (MailThreader) when a
-- mail is written, for the mail and every stored mail linked to it, so loading a thread is an
-- index lookup and a parent arriving after its child fixes the child's thread.
CREATE TABLE mail_threads (
    message_id  text        PRIMARY KEY,
    thread_id   text        NOT NULL,
    -- References in order, then In-Reply-To when not already last; no angle brackets.
    ancestors   text[]      NOT NULL DEFAULT '{}',
    subject     text        NOT NULL DEFAULT '',
    mail_date   timestamptz NOT NULL
);

CREATE INDEX mail_threads_thread ON mail_threads (thread_id);
CREATE INDEX mail_threads_ancestors ON mail_threads USING gin (ancestors);
CREATE INDEX imported_mails_message ON imported_mails (message_id);

-- Existing mail: thread by the first reference until a new mail of the conversation arrives
-- and its conversation is threaded again with the subject rule.
INSERT INTO mail_threads (message_id, thread_id, ancestors, subject, mail_date)
SELECT m.message_id, COALESCE(NULLIF(split_part(btrim(m.references_header), ' ', 1), ''), m.in_reply_to, m.message_id),
       array_remove(string_to_array(btrim(m.references_header), ' ') || m.in_reply_to, NULL), m.subject, m.created_at
FROM outgoing_mails m
ON CONFLICT (message_id) DO NOTHING;

INSERT INTO mail_threads (message_id, thread_id, ancestors, subject, mail_date)
SELECT DISTINCT ON (m.message_id) m.message_id, m.thread_key,
       CASE WHEN m.in_reply_to IS NULL OR m."references"[cardinality(m."references")] = m.in_reply_to
            THEN m."references" ELSE array_remove(m."references", m.in_reply_to) || m.in_reply_to END,
       m.subject, m.mail_date
FROM imported_mails m
ORDER BY m.message_id, m.id
ON CONFLICT (message_id) DO NOTHING;

-- An app mail's place in time is where a rep looks for it: a sent mail at its send time (the
-- moment the server took it, its Date header), a scheduled, held or cancelled one at the time
-- it was scheduled for, else when it was written. The timeline, 個別メール and threads all
-- sort by COALESCE(sent_at, scheduled_at, created_at); until now the timeline and 個別メール
-- used created_at, so a mail sent on Friday sat below Wednesday's reply to it.

-- Replaces the function of 2026-11-27-0040: the new row takes the mail's place in time.
CREATE OR REPLACE FUNCTION customer_timeline_add_outgoing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, outgoing_mail_id)
    SELECT DISTINCT r.customer_id, COALESCE(m.sent_at, m.scheduled_at, m.created_at), 'out', m.message_id, m.id
    FROM new_rows r JOIN outgoing_mails m ON m.id = r.mail_id
    ON CONFLICT (customer_id, message_id) DO NOTHING;
    RETURN NULL;
END $$;

-- When a mail is sent or its time edited, its timeline rows and its thread row move with it,
-- in the same transaction. Row-level: each changed mail touches its few rows by index.
CREATE FUNCTION outgoing_mail_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_timeline SET occurred_at = COALESCE(NEW.sent_at, NEW.scheduled_at, NEW.created_at)
    WHERE outgoing_mail_id = NEW.id;
    UPDATE mail_threads SET mail_date = COALESCE(NEW.sent_at, NEW.scheduled_at, NEW.created_at)
    WHERE message_id = NEW.message_id;
    RETURN NULL;
END $$;

CREATE TRIGGER outgoing_mails_moved AFTER UPDATE OF sent_at, scheduled_at ON outgoing_mails FOR EACH ROW
    WHEN (OLD.sent_at IS DISTINCT FROM NEW.sent_at OR OLD.scheduled_at IS DISTINCT FROM NEW.scheduled_at)
    EXECUTE FUNCTION outgoing_mail_moved();

-- 個別メール pages by the same time, newest first.
CREATE INDEX outgoing_mails_user_shown ON outgoing_mails (user_id, (COALESCE(sent_at, scheduled_at, created_at)) DESC, id DESC);

-- Mail written before this migration.
UPDATE customer_timeline t SET occurred_at = COALESCE(m.sent_at, m.scheduled_at, m.created_at)
FROM outgoing_mails m
WHERE t.outgoing_mail_id = m.id AND t.occurred_at <> COALESCE(m.sent_at, m.scheduled_at, m.created_at);

-- Scheduled mail was written without its thread row: thread it by its first reference, as
-- 2026-11-27-0040 did for existing mail, until a new mail of the conversation re-threads it.
INSERT INTO mail_threads (message_id, thread_id, ancestors, subject, mail_date)
SELECT m.message_id, COALESCE(NULLIF(split_part(btrim(m.references_header), ' ', 1), ''), m.in_reply_to, m.message_id),
       array_remove(string_to_array(btrim(m.references_header), ' ') || m.in_reply_to, NULL), m.subject,
       COALESCE(m.sent_at, m.scheduled_at, m.created_at)
FROM outgoing_mails m
ON CONFLICT (message_id) DO NOTHING;

UPDATE mail_threads th SET mail_date = COALESCE(m.sent_at, m.scheduled_at, m.created_at)
FROM outgoing_mails m
WHERE th.message_id = m.message_id AND th.mail_date <> COALESCE(m.sent_at, m.scheduled_at, m.created_at);

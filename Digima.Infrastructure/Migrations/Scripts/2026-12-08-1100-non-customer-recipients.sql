-- Cc and Bcc may hold a colleague (a user of the app) or a plain address besides customers (E5).
-- Neither is made a customer: customer_id is null for both, and user_id names the colleague.
-- 宛先 stays customers only (R4); the application enforces it, as it checks every address.
ALTER TABLE outgoing_mail_recipients ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE outgoing_mail_recipients ADD COLUMN user_id bigint REFERENCES users (id);
ALTER TABLE outgoing_mail_recipients ADD CONSTRAINT outgoing_mail_recipients_one_party
    CHECK (customer_id IS NULL OR user_id IS NULL);

-- Replaces the function of 2026-12-07-0100: only customers have a timeline.
CREATE OR REPLACE FUNCTION customer_timeline_add_outgoing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, outgoing_mail_id)
    SELECT DISTINCT r.customer_id, COALESCE(m.sent_at, m.scheduled_at, m.created_at), 'out', m.message_id, m.id
    FROM new_rows r JOIN outgoing_mails m ON m.id = r.mail_id
    WHERE r.customer_id IS NOT NULL
    ON CONFLICT (customer_id, message_id) DO NOTHING;
    RETURN NULL;
END $$;

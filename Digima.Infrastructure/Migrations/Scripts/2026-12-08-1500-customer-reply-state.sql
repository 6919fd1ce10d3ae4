-- 返信待ち (B8): per customer, their newest mail to us and our newest mail to them. A customer
-- is waiting while the first is newer than the second. Kept in the same statements that store
-- imported mail (ImportedMailRepository.Store) and mark app mail sent (OutgoingMailRepository
-- MarkSent), so the 返信待ち page is one range of a partial index instead of a NOT EXISTS over
-- all mail (see docs/decisions/0019-awaiting-reply-state.md).
CREATE TABLE customer_reply_state (
    customer_id      bigint      PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    -- The customer's newest imported mail (they are From, it was received). No foreign key to
    -- imported_mails: deleting that mail recomputes the row (trigger below) rather than
    -- nulling it.
    last_in_at       timestamptz,
    last_in_mail_id  bigint,
    -- The rep whose mailbox holds that mail (the first stored copy when several do).
    last_in_user_id  bigint      REFERENCES users (id) ON DELETE SET NULL,
    -- Our newest mail with the customer in To or Cc: sent from the app or from the rep's own
    -- client (imported, direction sent). Bcc-only does not count: the customer cannot tell.
    last_out_at      timestamptz,
    waiting          boolean     GENERATED ALWAYS AS (last_in_at IS NOT NULL AND (last_out_at IS NULL OR last_out_at < last_in_at)) STORED
);

-- "Waiting, one rep's, oldest first" and "waiting, everyone's, oldest first", keyset by
-- (last_in_at, customer_id).
CREATE INDEX customer_reply_state_waiting_rep ON customer_reply_state (last_in_user_id, last_in_at, customer_id) WHERE waiting;
CREATE INDEX customer_reply_state_waiting_all ON customer_reply_state (last_in_at, customer_id) WHERE waiting;

-- The state of these customers from all stored mail: the backfill below and the repair after a
-- mail is deleted. A customer with no mail left loses the row.
CREATE FUNCTION customer_reply_state_recompute(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_reply_state (customer_id, last_in_at, last_in_mail_id, last_in_user_id, last_out_at)
    SELECT c.id, i.mail_date, i.id, i.user_id, o.at
    FROM unnest(ids) AS c(id)
    LEFT JOIN LATERAL (
        SELECT m.mail_date, m.id, m.user_id
        FROM imported_mail_customers l JOIN imported_mails m ON m.id = l.mail_id
        WHERE l.customer_id = c.id AND l.role = 'from' AND m.direction = 'received'
        ORDER BY m.mail_date DESC, m.id
        LIMIT 1) i ON true
    LEFT JOIN LATERAL (
        SELECT max(x.at) AS at FROM (
            SELECT m.mail_date AS at
            FROM imported_mail_customers l JOIN imported_mails m ON m.id = l.mail_id
            WHERE l.customer_id = c.id AND l.role IN ('to', 'cc') AND m.direction = 'sent'
            UNION ALL
            SELECT s.sent_at
            FROM outgoing_mail_recipients r JOIN outgoing_mails s ON s.id = r.mail_id
            WHERE r.customer_id = c.id AND r.kind IN ('to', 'cc') AND s.status = 'sent') x) o ON true
    WHERE i.id IS NOT NULL OR o.at IS NOT NULL
    ON CONFLICT (customer_id) DO UPDATE SET
        last_in_at = EXCLUDED.last_in_at, last_in_mail_id = EXCLUDED.last_in_mail_id,
        last_in_user_id = EXCLUDED.last_in_user_id, last_out_at = EXCLUDED.last_out_at;

    DELETE FROM customer_reply_state s
    WHERE s.customer_id = ANY(ids)
      AND NOT EXISTS (SELECT 1 FROM imported_mail_customers l WHERE l.customer_id = s.customer_id)
      AND NOT EXISTS (SELECT 1 FROM outgoing_mail_recipients r WHERE r.customer_id = s.customer_id);
END $$;

-- A rep deletes the customer's newest mail in the app (or a user and their mail go): the
-- customer's state comes from what is left. Deleting one of our sent copies is not repaired
-- (its customers are no longer linked when this runs): the customer stays "not waiting" until
-- their next mail, the safe side.
CREATE FUNCTION customer_reply_state_after_mail_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_reply_state_recompute(ARRAY(
        SELECT s.customer_id FROM customer_reply_state s WHERE s.last_in_mail_id IN (SELECT o.id FROM old_rows o)));
    RETURN NULL;
END $$;

CREATE TRIGGER imported_mails_reply_state AFTER DELETE ON imported_mails
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_reply_state_after_mail_delete();

-- Mail stored before this migration.
SELECT customer_reply_state_recompute(ARRAY(
    SELECT customer_id FROM imported_mail_customers
    UNION
    SELECT customer_id FROM outgoing_mail_recipients WHERE customer_id IS NOT NULL));

-- 「ダッシュボード」's 返信あり: a mail we sent (from the app or the rep's own client) is answered when a
-- customer in its To or Cc has written to us since (customer_reply_state.last_in_at is later).
-- Asking that of every mail of a 90-day period cost a probe per mail (over 300 ms for everyone at
-- a million mails); the answer is kept on the mail instead, by triggers on every table it depends
-- on, so the dashboard reads a range of a partial index (see docs/decisions/0021-dashboard.md).
ALTER TABLE outgoing_mails ADD COLUMN replied boolean NOT NULL DEFAULT false;
ALTER TABLE imported_mails ADD COLUMN replied boolean NOT NULL DEFAULT false;

-- The answer for these mails from the current state: the one definition of 返信あり.
CREATE FUNCTION outgoing_mails_replied_refresh(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE outgoing_mails m SET replied = v.replied
    FROM (SELECT o.id, o.status = 'sent' AND EXISTS (
              SELECT 1 FROM outgoing_mail_recipients r JOIN customer_reply_state s ON s.customer_id = r.customer_id
              WHERE r.mail_id = o.id AND r.kind IN ('to', 'cc') AND s.last_in_at > o.sent_at) AS replied
          FROM outgoing_mails o WHERE o.id = ANY(ids)) v
    WHERE m.id = v.id AND m.replied <> v.replied;
$$;

CREATE FUNCTION imported_mails_replied_refresh(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE imported_mails m SET replied = v.replied
    FROM (SELECT i.id, i.direction = 'sent' AND EXISTS (
              SELECT 1 FROM imported_mail_customers l JOIN customer_reply_state s ON s.customer_id = l.customer_id
              WHERE l.mail_id = i.id AND l.role IN ('to', 'cc') AND s.last_in_at > i.mail_date) AS replied
          FROM imported_mails i WHERE i.id = ANY(ids)) v
    WHERE m.id = v.id AND m.replied <> v.replied;
$$;

-- A customer's last_in_at moved (a new mail from them, or a deletion recomputed it): only mail to
-- them dated between the old and the new value can change its answer.
CREATE FUNCTION mail_replied_after_moves(customer_ids bigint[], lows timestamptz[], highs timestamptz[]) RETURNS void LANGUAGE sql AS $$
    SELECT outgoing_mails_replied_refresh(ARRAY(
        SELECT DISTINCT m.id FROM unnest(customer_ids, lows, highs) AS c(customer_id, low, high)
        JOIN outgoing_mail_recipients r ON r.customer_id = c.customer_id AND r.kind IN ('to', 'cc')
        JOIN outgoing_mails m ON m.id = r.mail_id AND m.status = 'sent' AND m.sent_at >= c.low AND m.sent_at < c.high));
    SELECT imported_mails_replied_refresh(ARRAY(
        SELECT DISTINCT i.id FROM unnest(customer_ids, lows, highs) AS c(customer_id, low, high)
        JOIN imported_mail_customers l ON l.customer_id = c.customer_id AND l.role IN ('to', 'cc')
        JOIN imported_mails i ON i.id = l.mail_id AND i.direction = 'sent' AND i.mail_date >= c.low AND i.mail_date < c.high));
$$;

CREATE FUNCTION mail_replied_after_reply_state() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    lows timestamptz[];
    highs timestamptz[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.customer_id), array_agg('-infinity'::timestamptz), array_agg(n.last_in_at) INTO ids, lows, highs
        FROM new_rows n WHERE n.last_in_at IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(o.customer_id), array_agg('-infinity'::timestamptz), array_agg(o.last_in_at) INTO ids, lows, highs
        FROM old_rows o WHERE o.last_in_at IS NOT NULL;
    ELSE
        SELECT array_agg(n.customer_id),
               array_agg(LEAST(COALESCE(o.last_in_at, '-infinity'), COALESCE(n.last_in_at, '-infinity'))),
               array_agg(GREATEST(COALESCE(o.last_in_at, '-infinity'), COALESCE(n.last_in_at, '-infinity')))
        INTO ids, lows, highs
        FROM new_rows n JOIN old_rows o ON o.customer_id = n.customer_id
        WHERE n.last_in_at IS DISTINCT FROM o.last_in_at;
    END IF;

    IF ids IS NOT NULL THEN
        PERFORM mail_replied_after_moves(ids, lows, highs);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_reply_state_replied_insert AFTER INSERT ON customer_reply_state
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mail_replied_after_reply_state();
CREATE TRIGGER customer_reply_state_replied_update AFTER UPDATE ON customer_reply_state
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mail_replied_after_reply_state();
CREATE TRIGGER customer_reply_state_replied_delete AFTER DELETE ON customer_reply_state
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mail_replied_after_reply_state();

-- App mail becomes sent (or its send time is corrected): answered if its customers wrote since.
-- Not for the refresh's own UPDATE (nested), which changes neither status nor sent_at.
CREATE FUNCTION outgoing_mails_replied_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() > 1 THEN
        RETURN NULL;
    END IF;
    PERFORM outgoing_mails_replied_refresh(ARRAY(
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.status = 'sent') <> (o.status = 'sent') OR n.sent_at IS DISTINCT FROM o.sent_at));
    RETURN NULL;
END $$;

CREATE TRIGGER outgoing_mails_replied AFTER UPDATE ON outgoing_mails
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outgoing_mails_replied_after_update();

-- A sent copy gains or loses a customer link (imported, linked to a customer added later,
-- unlinked): its answer is asked again.
CREATE FUNCTION imported_mails_replied_after_link_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM imported_mails_replied_refresh(ARRAY(SELECT DISTINCT n.mail_id FROM new_rows n WHERE n.role IN ('to', 'cc')));
    RETURN NULL;
END $$;

CREATE FUNCTION imported_mails_replied_after_link_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM imported_mails_replied_refresh(ARRAY(SELECT DISTINCT o.mail_id FROM old_rows o WHERE o.role IN ('to', 'cc')));
    RETURN NULL;
END $$;

CREATE TRIGGER imported_mail_customers_replied_insert AFTER INSERT ON imported_mail_customers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION imported_mails_replied_after_link_insert();
CREATE TRIGGER imported_mail_customers_replied_delete AFTER DELETE ON imported_mail_customers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION imported_mails_replied_after_link_delete();

-- The answered mail of a period, per rep: a range of these, read from the index alone.
CREATE INDEX outgoing_mails_dashboard_replied ON outgoing_mails (sent_at) INCLUDE (user_id) WHERE status = 'sent' AND replied;
CREATE INDEX imported_mails_dashboard_replied ON imported_mails (mail_date) INCLUDE (user_id) WHERE direction = 'sent' AND replied;

-- Mail stored before this migration.
SELECT outgoing_mails_replied_refresh(ARRAY(SELECT id FROM outgoing_mails WHERE status = 'sent'));
SELECT imported_mails_replied_refresh(ARRAY(SELECT id FROM imported_mails WHERE direction = 'sent'));

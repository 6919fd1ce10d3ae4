-- A mail imported by two reps is on the customer's timeline once, through the copy stored first
-- (the unique customer_id, message_id). When that rep deletes their copy, its timeline row goes
-- with it (ON DELETE CASCADE); the other rep's copy now takes its place, so the mail stays on the
-- timeline while anyone still has it. Runs after the cascade has removed the old rows.
CREATE FUNCTION customer_timeline_keep_imported_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, imported_mail_id)
    SELECT DISTINCT ON (l.customer_id, m.message_id) l.customer_id, m.mail_date, CASE WHEN l.role = 'from' THEN 'in' ELSE 'out' END, m.message_id, m.id
    FROM (SELECT DISTINCT message_id FROM old_rows) o
    JOIN imported_mails m ON m.message_id = o.message_id
    JOIN imported_mail_customers l ON l.mail_id = m.id
    ORDER BY l.customer_id, m.message_id, m.id, (l.role = 'from') DESC
    ON CONFLICT (customer_id, message_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER imported_mails_timeline_keep_copy AFTER DELETE ON imported_mails
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_timeline_keep_imported_copy();

-- The trigger that puts imported mail on customers' timelines joined its new links with
-- imported_mails. PostgreSQL guesses a transition table as large as the whole links table, so
-- it hashed every imported mail of every rep for each batch an import stores: the cost grew
-- with all mail ever imported. Each new link now looks up its one mail by primary key (OFFSET 0
-- keeps the lookup from being turned back into that join). Same rows as before.
CREATE OR REPLACE FUNCTION customer_timeline_add_imported() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A customer who is both sender and recipient of one mail: the mail is theirs ('in').
    INSERT INTO customer_timeline (customer_id, occurred_at, direction, message_id, imported_mail_id)
    SELECT DISTINCT ON (l.customer_id, m.id) l.customer_id, m.mail_date, CASE WHEN l.role = 'from' THEN 'in' ELSE 'out' END, m.message_id, m.id
    FROM new_rows l
    CROSS JOIN LATERAL (SELECT i.id, i.mail_date, i.message_id FROM imported_mails i WHERE i.id = l.mail_id OFFSET 0) m
    ORDER BY l.customer_id, m.id, (l.role = 'from') DESC
    ON CONFLICT (customer_id, message_id) DO NOTHING;
    RETURN NULL;
END $$;

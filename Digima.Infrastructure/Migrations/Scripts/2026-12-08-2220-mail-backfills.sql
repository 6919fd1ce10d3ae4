-- Backfill of past mail (decision 0027): a durable queue that any node's worker takes from.
-- A customer's requests (one per connected mailbox) are written by the triggers below in the
-- transaction that creates the customer or changes their address, whatever the path (the form,
-- the CSV import, 「この場で入力」); a manager's whole-mailbox request by the app (customer_id NULL).
CREATE TABLE mail_backfills (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    customer_id  bigint      REFERENCES customers (id) ON DELETE CASCADE,
    -- The customer's address when asked (lower-cased); NULL for the whole mailbox.
    address      text,
    -- NULL: the import window (Digima:MailImport:BackfillDays) before the run.
    since        timestamptz,
    requested_by bigint      REFERENCES users (id) ON DELETE SET NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    state        text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    -- Queue times are the database's clock, the same for every node.
    not_before   timestamptz NOT NULL DEFAULT now(),
    lease_until  timestamptz,
    imported     integer     NOT NULL DEFAULT 0,
    error        text,
    finished_at  timestamptz,
    CHECK ((customer_id IS NULL) = (address IS NULL))
);

CREATE INDEX mail_backfills_open ON mail_backfills (id) WHERE state IN ('queued', 'running');
CREATE INDEX mail_backfills_customer ON mail_backfills (customer_id, requested_at) WHERE customer_id IS NOT NULL;
CREATE INDEX mail_backfills_mailbox ON mail_backfills (user_id, requested_at) WHERE customer_id IS NULL;

-- Statement triggers with transition tables: a CSV import of thousands of customers costs one
-- INSERT ... SELECT, not one per row.
CREATE FUNCTION mail_backfills_for_new_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO mail_backfills (user_id, customer_id, address)
    SELECT m.user_id, c.id, lower(c.email)
    FROM new_customers c
    CROSS JOIN mailboxes m
    JOIN users u ON u.id = m.user_id AND u.is_active
    WHERE c.email <> '';
    RETURN NULL;
END
$$;

CREATE FUNCTION mail_backfills_for_changed_addresses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Most updates of customers are contact dates set by mail: nothing to do unless an address changed.
    IF NOT EXISTS (SELECT 1 FROM new_customers n JOIN old_customers o ON o.id = n.id WHERE lower(n.email) <> lower(o.email)) THEN
        RETURN NULL;
    END IF;

    -- What was queued for the old address is no longer wanted.
    DELETE FROM mail_backfills b
    USING new_customers n JOIN old_customers o ON o.id = n.id
    WHERE b.customer_id = n.id AND b.state = 'queued' AND lower(n.email) <> lower(o.email);

    INSERT INTO mail_backfills (user_id, customer_id, address)
    SELECT m.user_id, n.id, lower(n.email)
    FROM new_customers n
    JOIN old_customers o ON o.id = n.id
    CROSS JOIN mailboxes m
    JOIN users u ON u.id = m.user_id AND u.is_active
    WHERE lower(n.email) <> lower(o.email) AND n.email <> '';
    RETURN NULL;
END
$$;

CREATE TRIGGER customers_backfill_insert AFTER INSERT ON customers
    REFERENCING NEW TABLE AS new_customers
    FOR EACH STATEMENT EXECUTE FUNCTION mail_backfills_for_new_customers();

CREATE TRIGGER customers_backfill_update AFTER UPDATE ON customers
    REFERENCING OLD TABLE AS old_customers NEW TABLE AS new_customers
    FOR EACH STATEMENT EXECUTE FUNCTION mail_backfills_for_changed_addresses();

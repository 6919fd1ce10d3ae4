-- 返信待ち notices (B8, issue 17): a notice under the bell when a customer replies, and a daily
-- summary at 9:00 in the rep's zone of who has waited 2+ business days. Both are switches in
-- 個人設定, on unless the rep turns them off (see NotificationSettings for why).
ALTER TABLE notification_settings
    ADD COLUMN notify_on_reply  boolean NOT NULL DEFAULT true,
    ADD COLUMN awaiting_summary boolean NOT NULL DEFAULT true;

-- The reply a notice is about (mail_id is app mail), and the rep's local date a summary is for.
ALTER TABLE notifications
    ADD COLUMN imported_mail_id bigint REFERENCES imported_mails (id) ON DELETE CASCADE,
    ADD COLUMN local_date       date,
    ADD COLUMN item_count       integer;

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('opened', 'held', 'recentcustomermail', 'mailboxreconnectrequired', 'failed', 'customerreplied', 'awaitingsummary'));

-- Exactly once, whichever node or sync comes first (ON CONFLICT DO NOTHING): one notice per
-- reply in the rep's mailbox, one summary per rep and local date.
CREATE UNIQUE INDEX notifications_reply_once ON notifications (user_id, imported_mail_id) WHERE kind = 'customerreplied';
CREATE UNIQUE INDEX notifications_summary_once ON notifications (user_id, local_date) WHERE kind = 'awaitingsummary';

-- Deleting one of our sent copies: its links go by cascade after the mail row, so the trigger on
-- imported_mails no longer sees whom it was to. This one sees the links themselves: a customer
-- in To or Cc of a deleted mail, with an answer on record, is recomputed from what is left (a
-- customer whose only later answer was deleted is waiting again). A customer being deleted is
-- left alone: its state row goes with it.
CREATE FUNCTION customer_reply_state_after_link_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_reply_state_recompute(ARRAY(
        SELECT DISTINCT o.customer_id FROM old_rows o
        JOIN customer_reply_state s ON s.customer_id = o.customer_id AND s.last_out_at IS NOT NULL
        WHERE o.role IN ('to', 'cc') AND EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)));
    RETURN NULL;
END $$;

CREATE TRIGGER imported_mail_customers_reply_state AFTER DELETE ON imported_mail_customers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_reply_state_after_link_delete();

-- 「予約送信」 (R11): scheduled, held (保留, R8) and cancelled mail in the same outbox.
-- scheduled_at is the time the rep chose; send_after is when the engine may try next (a retry
-- after a transient SMTP failure, or a slot given by the mailbox's rate limit).
ALTER TABLE outgoing_mails DROP CONSTRAINT outgoing_mails_status_check;
ALTER TABLE outgoing_mails
    ADD CONSTRAINT outgoing_mails_status_check
        CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'scheduled', 'held', 'cancelled')),
    ADD COLUMN scheduled_at       timestamptz,
    ADD COLUMN schedule_time_zone text,
    ADD COLUMN send_after         timestamptz,
    ADD COLUMN held_reason        text,
    ADD COLUMN late_by            interval,
    ADD COLUMN retry_count        integer NOT NULL DEFAULT 0,
    ADD COLUMN cancelled_at       timestamptz;

-- The sweeper looks for scheduled mail whose trigger went missing.
CREATE INDEX outgoing_mails_scheduled ON outgoing_mails (COALESCE(send_after, scheduled_at), id) WHERE status = 'scheduled';

-- Per-mailbox pacing (rate limit): the next free send slot of each rep, taken in one UPDATE so
-- every node shares it.
CREATE TABLE mailbox_send_pacing (
    user_id      bigint      PRIMARY KEY REFERENCES users (id),
    next_slot_at timestamptz NOT NULL
);

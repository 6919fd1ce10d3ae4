-- Why a scheduled mail was held, for the machine: held_reason is the rep's text in the rep's
-- language. 'mailbox' (not connected, unreadable secret, 「再接続が必要」) is released when the rep
-- connects or saves the mailbox again; 'content' (an empty merge field) only by an edit. Mail held
-- before this column existed keeps NULL and waits for an edit, as it did.
ALTER TABLE outgoing_mails
    ADD COLUMN held_cause text CHECK (held_cause IN ('content', 'mailbox'));

-- The rep is told under the bell when the mailbox becomes 「再接続が必要」.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('opened', 'held', 'recentcustomermail', 'mailboxreconnectrequired'));

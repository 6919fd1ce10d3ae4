-- A mail that fails for good (「今すぐ送信」 or scheduled) is told under the bell, as a held one is.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('opened', 'held', 'recentcustomermail', 'mailboxreconnectrequired', 'failed'));

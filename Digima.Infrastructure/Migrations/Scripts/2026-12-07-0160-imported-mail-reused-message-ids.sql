-- Some senders and broken clients reuse Message-IDs. A different mail (another date, sender or
-- body) that carries a Message-ID already stored is now imported as its own mail: its identity
-- is the Message-ID with its content hash, and reused_message_id keeps the Message-ID it
-- reuses so the next sync recognises both. Mail stored before has no hash: its identity stays
-- settled as before (MailIdentity.ContentHash is computed by the application).
ALTER TABLE imported_mails ADD COLUMN content_hash text;
ALTER TABLE imported_mails ADD COLUMN reused_message_id text;

CREATE INDEX imported_mails_user_reused ON imported_mails (user_id, reused_message_id) WHERE reused_message_id IS NOT NULL;

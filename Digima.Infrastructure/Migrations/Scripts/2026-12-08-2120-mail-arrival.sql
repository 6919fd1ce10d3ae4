-- When the rep's server received an imported mail (IMAP INTERNALDATE), apart from the date the
-- sender wrote (mail_date): a customer's reply notice goes by arrival, so a reply dated days
-- behind (a wrong clock, a delayed relay) that arrived just now is still news, and mail moved into
-- the Inbox from an old folder (the server keeps its arrival) is not. Null for mail imported before.
ALTER TABLE imported_mails ADD COLUMN arrived_at timestamptz;

-- "Received mail of this rep stored since the sync began": the replies a sync brought, read
-- whether or not the sync finished (a sync cut in the middle of the Inbox still tells them).
CREATE INDEX imported_mails_user_imported ON imported_mails (user_id, imported_at) WHERE direction = 'received';

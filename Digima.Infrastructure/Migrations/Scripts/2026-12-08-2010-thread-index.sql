-- Outlook's Thread-Index (B4): a mail whose client dropped References, or whose relay rewrote the
-- Message-ID it answers, still joins its conversation through the index of its parent, which is
-- its own without the last 5-byte block. Mail the app sends carries one too, so an Outlook
-- customer's reply to it does the same.
ALTER TABLE mail_threads ADD COLUMN thread_index bytea;
CREATE INDEX mail_threads_thread_index ON mail_threads (thread_index) WHERE thread_index IS NOT NULL;
ALTER TABLE outgoing_mails ADD COLUMN thread_index bytea;

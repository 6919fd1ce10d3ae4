-- Who puts the copy of sent mail into the mailbox's Sent folder. Gmail (and other providers) file
-- every mail sent through their SMTP server themselves; the app must then add none, or the rep
-- sees each mail twice. 'unknown' until the first send finds out (the Message-ID looked for in
-- Sent for a few seconds after the server took the mail); set back to 'unknown' whenever the
-- servers, the login or the Sent folder change, or the mailbox is connected again.
ALTER TABLE mailboxes
    ADD COLUMN sent_copy_filing text NOT NULL DEFAULT 'unknown'
        CHECK (sent_copy_filing IN ('unknown', 'server', 'app'));

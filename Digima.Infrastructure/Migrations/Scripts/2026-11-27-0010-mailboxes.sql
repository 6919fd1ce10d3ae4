-- Each user's own mailbox (R1, R2): mail is sent through its SMTP server and imported from its
-- IMAP server. One row per user; no row means "not connected".
-- The *_password_protected columns hold ASP.NET Core Data Protection ciphertext (purpose
-- "Digima.Mailboxes.v1", keys in data_protection_keys), never a password in clear.
CREATE TABLE mailboxes (
    user_id                 bigint      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    sender_name             text        NOT NULL,
    sender_address          text        NOT NULL,
    smtp_host               text        NOT NULL,
    smtp_port               integer     NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_security           text        NOT NULL CHECK (smtp_security IN ('ssl', 'starttls', 'none')),
    smtp_user_name          text        NOT NULL,
    smtp_password_protected text        NOT NULL,
    imap_host               text        NOT NULL,
    imap_port               integer     NOT NULL CHECK (imap_port BETWEEN 1 AND 65535),
    imap_security           text        NOT NULL CHECK (imap_security IN ('ssl', 'starttls', 'none')),
    imap_user_name          text        NOT NULL,
    imap_password_protected text        NOT NULL,
    -- Off for providers that file sent mail into Sent themselves.
    save_copy_to_sent       boolean     NOT NULL DEFAULT true,
    -- Full IMAP name of the Sent folder found by the last successful connection test.
    sent_folder_name        text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

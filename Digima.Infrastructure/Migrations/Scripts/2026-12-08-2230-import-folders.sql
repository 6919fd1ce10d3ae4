-- Each rep chooses the folders imported (Inbox and Sent by default; archives, folders filled by
-- rules, Gmail's labels), each with its own cursor, and sees per folder what the import did
-- (docs/decisions/0028-import-folders.md).

-- The chosen folders. No row for a user means the default: Inbox and Sent. Inbox and Sent are
-- kept by kind (their names are found on the server at each sync); any other folder by its
-- full name in folder_key.
CREATE TABLE mail_import_folders (
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    folder_kind text        NOT NULL CHECK (folder_kind IN ('inbox', 'sent', 'other')),
    folder_key  text        NOT NULL DEFAULT '',
    chosen_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, folder_kind, folder_key),
    CHECK ((folder_kind = 'other') = (folder_key <> ''))
);

ALTER TABLE imported_mails DROP CONSTRAINT imported_mails_folder_kind_check;
ALTER TABLE imported_mails ADD CONSTRAINT imported_mails_folder_kind_check CHECK (folder_kind IN ('inbox', 'sent', 'other'));

-- One cursor per chosen folder, with the counters the sync card shows, kept by the import in
-- the batch's transaction (never counted over the mail at page load).
ALTER TABLE mail_import_cursors DROP CONSTRAINT mail_import_cursors_folder_kind_check;
ALTER TABLE mail_import_cursors ADD CONSTRAINT mail_import_cursors_folder_kind_check CHECK (folder_kind IN ('inbox', 'sent', 'other'));
ALTER TABLE mail_import_cursors ADD COLUMN folder_key text NOT NULL DEFAULT '';
-- Messages in the folder on the server (EXISTS of the last EXAMINE, the same number as STATUS MESSAGES).
ALTER TABLE mail_import_cursors ADD COLUMN server_count bigint NOT NULL DEFAULT 0;
-- Looked at but with no customer in From/To/Cc/Bcc.
ALTER TABLE mail_import_cursors ADD COLUMN no_customer_count bigint NOT NULL DEFAULT 0;
-- With a customer and already in the app (found in another folder first, sent from the app).
ALTER TABLE mail_import_cursors ADD COLUMN known_count bigint NOT NULL DEFAULT 0;
ALTER TABLE mail_import_cursors DROP CONSTRAINT mail_import_cursors_pkey;
ALTER TABLE mail_import_cursors ADD PRIMARY KEY (user_id, folder_kind, folder_key);

-- Skipped mail per folder with a reason code the card counts by, and enough to list it.
ALTER TABLE mail_import_skipped DROP CONSTRAINT mail_import_skipped_folder_kind_check;
ALTER TABLE mail_import_skipped ADD CONSTRAINT mail_import_skipped_folder_kind_check CHECK (folder_kind IN ('inbox', 'sent', 'other'));
ALTER TABLE mail_import_skipped ADD COLUMN folder_key text NOT NULL DEFAULT '';
ALTER TABLE mail_import_skipped ADD COLUMN reason_code text NOT NULL DEFAULT 'unreadable'
    CHECK (reason_code IN ('unreadable', 'never-import', 'deleted', 'known'));
ALTER TABLE mail_import_skipped ADD COLUMN subject text NOT NULL DEFAULT '';
ALTER TABLE mail_import_skipped ADD COLUMN from_address text NOT NULL DEFAULT '';
UPDATE mail_import_skipped SET reason_code = 'known'
WHERE reason = 'Not stored: a mail with this identity is already stored or was deleted in the app';
ALTER TABLE mail_import_skipped DROP CONSTRAINT mail_import_skipped_pkey;
ALTER TABLE mail_import_skipped ADD PRIMARY KEY (user_id, folder_kind, folder_key, uid_validity, uid);

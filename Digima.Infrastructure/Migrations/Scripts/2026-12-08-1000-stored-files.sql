-- Attachments: files a rep attaches in compose, and files of imported mail. Kept in PostgreSQL so
-- every node reads what another node stored, with no second store to run, back up and keep in
-- step (decision 0015). A file belongs to at most one mail; deleting the mail deletes its files
-- and their chunks by cascade. A file of neither mail is a rep's upload not sent yet (a draft's):
-- its owner alone may read it, and the cleanup removes it once no draft names it.
CREATE TABLE stored_files (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    imported_mail_id bigint      REFERENCES imported_mails (id) ON DELETE CASCADE,
    outgoing_mail_id bigint      REFERENCES outgoing_mails (id) ON DELETE CASCADE,
    -- Order within its mail, as the sender attached them.
    position         int         NOT NULL DEFAULT 0,
    file_name        text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content_type     text        NOT NULL CHECK (length(content_type) BETWEEN 3 AND 255),
    size             bigint      NOT NULL CHECK (size >= 0),
    sha256           bytea       NOT NULL,
    created_at       timestamptz NOT NULL,
    CHECK (imported_mail_id IS NULL OR outgoing_mail_id IS NULL)
);

CREATE INDEX stored_files_imported ON stored_files (imported_mail_id, position) WHERE imported_mail_id IS NOT NULL;
CREATE INDEX stored_files_outgoing ON stored_files (outgoing_mail_id, position) WHERE outgoing_mail_id IS NOT NULL;
CREATE INDEX stored_files_loose ON stored_files (owner_user_id, created_at)
    WHERE imported_mail_id IS NULL AND outgoing_mail_id IS NULL;

-- The content in chunks of at most 256 KiB: a file streams in and out without being held whole
-- in memory on either side, and no row comes near PostgreSQL's 1 GB field limit.
CREATE TABLE stored_file_chunks (
    file_id bigint NOT NULL REFERENCES stored_files (id) ON DELETE CASCADE,
    seq     int    NOT NULL,
    data    bytea  NOT NULL,
    PRIMARY KEY (file_id, seq)
);

-- Out of line without compression: attachments (PDF, images, Office files, zip) are compressed
-- already, and pglz would spend CPU on every chunk to find that out.
ALTER TABLE stored_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

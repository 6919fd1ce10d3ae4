-- Threading looks up mail_threads.ancestors (GIN) for every Message-ID of every batch it
-- writes. With GIN's default fast update, new entries wait in a pending list that every lookup
-- reads whole until a vacuum merges it: during an import of thousands of mails each lookup
-- read thousands of entries. Entries go straight into the index instead (most ancestors
-- arrays are empty or short, so inserting stays cheap), and what is pending now is merged.
ALTER INDEX mail_threads_ancestors SET (fastupdate = off);
SELECT gin_clean_pending_list('mail_threads_ancestors');

-- Templates may carry attachments (a price list, a company profile): a template's files are its
-- own rows, copied as the rep's loose files each time the template is used in compose, so sending
-- (or deleting) a mail never touches the template's. Deleting the template deletes them.
ALTER TABLE stored_files ADD COLUMN template_id bigint REFERENCES mail_templates (id) ON DELETE CASCADE;

-- Still one owner at most: an imported mail, a mail written in the app, or a template.
ALTER TABLE stored_files DROP CONSTRAINT stored_files_check;
ALTER TABLE stored_files ADD CONSTRAINT stored_files_one_owner
    CHECK (num_nonnulls(imported_mail_id, outgoing_mail_id, template_id) <= 1);

CREATE INDEX stored_files_template ON stored_files (template_id, position) WHERE template_id IS NOT NULL;

DROP INDEX stored_files_loose;
CREATE INDEX stored_files_loose ON stored_files (owner_user_id, created_at)
    WHERE imported_mail_id IS NULL AND outgoing_mail_id IS NULL AND template_id IS NULL;

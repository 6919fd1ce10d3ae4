-- A customer only in Bcc of a mail the rep sent from their own client is linked to it (R18): the
-- rep wrote to them. Only a Sent copy carries Bcc; such a link changes no 返信待ち state.
ALTER TABLE imported_mail_customers DROP CONSTRAINT imported_mail_customers_role_check;
ALTER TABLE imported_mail_customers ADD CONSTRAINT imported_mail_customers_role_check CHECK (role IN ('from', 'to', 'cc', 'bcc'));

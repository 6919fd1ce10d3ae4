-- A scheduled mail's subject can change after it was written (「編集」, or merge fields filled
-- again at send time); its thread row kept the first one, so the subject rule joined a later
-- reply by a subject the customer never saw. The row now follows the mail's subject, in the
-- same transaction, as it already follows its place in time (2026-12-07-0100).
CREATE FUNCTION outgoing_mail_retitled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE mail_threads SET subject = NEW.subject WHERE message_id = NEW.message_id;
    RETURN NULL;
END $$;

CREATE TRIGGER outgoing_mails_retitled AFTER UPDATE OF subject ON outgoing_mails FOR EACH ROW
    WHEN (OLD.subject IS DISTINCT FROM NEW.subject)
    EXECUTE FUNCTION outgoing_mail_retitled();

-- Mail edited before this migration.
UPDATE mail_threads th SET subject = m.subject
FROM outgoing_mails m
WHERE th.message_id = m.message_id AND th.subject IS DISTINCT FROM m.subject;

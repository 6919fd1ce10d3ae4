-- 「送信の確認」 asks, for each recipient's domain, whether the rep ever wrote to it (app mail, or
-- a customer at the domain in an imported Sent mail). These expression indexes let each check
-- start from the domain; the expressions must match RecipientDomainHistory's SQL exactly.
CREATE INDEX outgoing_mail_recipients_domain ON outgoing_mail_recipients (lower(split_part(email, '@', -1)), mail_id);
CREATE INDEX customers_email_domain ON customers (lower(split_part(email, '@', -1)), id);

-- A rep's notification choices, apart from the users table: today only whether an open notice
-- also comes by email (sent through the rep's own SMTP server).
CREATE TABLE notification_settings (
    user_id        bigint  PRIMARY KEY REFERENCES users (id),
    email_on_open  boolean NOT NULL DEFAULT false
);

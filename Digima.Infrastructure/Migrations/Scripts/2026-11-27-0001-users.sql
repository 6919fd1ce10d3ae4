-- Users: reps and managers. Emails are unique regardless of case.
CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text        NOT NULL,
    display_name    text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('rep', 'manager')),
    time_zone_id    text        NOT NULL DEFAULT 'Asia/Tokyo',
    language        text        NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
    password_hash   text        NOT NULL,
    is_active       boolean     NOT NULL DEFAULT true,
    failed_sign_ins integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Customers. Optional text fields are '' rather than NULL so "empty" has one meaning
-- (merge fields refuse to send when a used field is empty).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE customers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    last_name         text        NOT NULL,
    first_name        text        NOT NULL DEFAULT '',
    last_name_kana    text        NOT NULL DEFAULT '',
    first_name_kana   text        NOT NULL DEFAULT '',
    email             text        NOT NULL,
    company           text        NOT NULL DEFAULT '',
    department        text        NOT NULL DEFAULT '',
    title             text        NOT NULL DEFAULT '',
    phone             text        NOT NULL DEFAULT '',
    owner_user_id     bigint      REFERENCES users (id),
    first_contact_at  timestamptz,
    last_contact_at   timestamptz,
    last_action_type  text,
    last_action_at    timestamptz,
    -- Folded text (NFKC, hiragana as katakana, lower case, no spaces) of the searchable fields,
    -- one per line, written by the application: see CustomerSearchText.
    search_text       text        NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX customers_email_key ON customers (lower(email));
CREATE INDEX customers_search_text_trgm ON customers USING gin (search_text gin_trgm_ops);
CREATE INDEX customers_kana_order ON customers (last_name_kana, first_name_kana, id);
CREATE INDEX customers_owner ON customers (owner_user_id);

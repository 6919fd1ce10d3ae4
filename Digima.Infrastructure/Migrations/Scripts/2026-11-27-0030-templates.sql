-- Mail templates (R22): personal, or shared with the team. Subject and body keep merge tokens
-- such as {{姓}} as typed; they are filled when the template is used in compose.
CREATE TABLE mail_templates (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_user_id  bigint      NOT NULL REFERENCES users (id),
    name           text        NOT NULL,
    subject        text        NOT NULL,
    body           text        NOT NULL DEFAULT '',
    is_shared      boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The list reads "mine or shared"; both indexes serve one side of that OR.
CREATE INDEX mail_templates_owner ON mail_templates (owner_user_id, name);
CREATE INDEX mail_templates_shared ON mail_templates (name) WHERE is_shared;

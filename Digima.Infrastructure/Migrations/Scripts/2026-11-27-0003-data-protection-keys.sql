-- ASP.NET Core Data Protection key ring, shared by every app node: sign-in cookies and
-- encrypted mailbox passwords stay readable on any node and across restarts.
CREATE TABLE data_protection_keys (
    friendly_name text        PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Message-IDs a relay gave our own mail (B4). Some gateways and Exchange setups replace the
-- Message-ID of mail passing through them; the copy such a server files in Sent keeps our own
-- header (X-Digima-Message-Id) with the id the app gave it. A reply naming the relay's id then
-- joins the thread of the app's id: mail_threads stores ancestors with aliases replaced.
CREATE TABLE message_id_aliases (
    alias      text        PRIMARY KEY,
    message_id text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (alias <> message_id)
);

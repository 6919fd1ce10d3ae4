-- Replies keep the thread in the customer's mail client (R16): In-Reply-To and References.
ALTER TABLE outgoing_mails
    ADD COLUMN in_reply_to       text,
    ADD COLUMN references_header text NOT NULL DEFAULT '';

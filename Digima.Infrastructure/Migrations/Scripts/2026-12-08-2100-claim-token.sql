-- Each claim of a mail (queued, scheduled or stuck) gets a token of its own. The node that holds
-- it renews claimed_at while it works and checks the token before handing the mail to the server,
-- so a slow send is never taken for a dead node's and sent a second time.
ALTER TABLE outgoing_mails ADD COLUMN claim_token uuid;

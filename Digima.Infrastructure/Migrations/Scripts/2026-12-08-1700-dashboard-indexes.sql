-- 「ダッシュボード」 (E7): every query reads one time range of one kind of mail, grouped by rep and
-- week. Each index below is that range, partial to the kind, carrying the columns the query reads
-- so the range is an index-only scan (see docs/decisions/0021-dashboard.md for the plans).

-- App mail sent in a period: 送信, 開封, クリック and 返信あり of app mail.
CREATE INDEX outgoing_mails_dashboard_sent ON outgoing_mails (sent_at)
    INCLUDE (user_id, id, open_tracking, click_tracking) WHERE status = 'sent';

-- Mail the reps sent from their own mail client (imported from Sent) in a period.
CREATE INDEX imported_mails_dashboard_sent ON imported_mails (mail_date)
    INCLUDE (user_id, id) WHERE direction = 'sent';

-- 保留・失敗 in a period (a held mail records when it was held in failed_at too).
CREATE INDEX outgoing_mails_dashboard_problems ON outgoing_mails (failed_at) WHERE status IN ('held', 'failed');

-- Whether a mail was opened by a person, only automatically, or clicked: one probe per mail
-- that reads the index alone.
CREATE INDEX tracking_events_dashboard ON tracking_events (mail_id, kind, probably_automated);

-- The customers of an app mail (To and Cc) for 返信あり, without visiting the recipients' heap.
CREATE INDEX outgoing_mail_recipients_dashboard ON outgoing_mail_recipients (mail_id)
    INCLUDE (customer_id, kind) WHERE customer_id IS NOT NULL;

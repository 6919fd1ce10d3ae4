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

-- Opens and clicks since the period began (none can come before its mail was sent), read from
-- the index alone and grouped per mail before they meet the period's mail.
CREATE INDEX tracking_events_dashboard ON tracking_events (occurred_at) INCLUDE (mail_id, kind, probably_automated);

-- The W3C traceparent of the request that wrote the mail (null when tracing was off). The node that
-- claims the mail later continues that trace, so one trace shows 「今すぐ送信」 -> outbox -> SMTP ->
-- Sent copy across nodes (docs/decisions/0025-telemetry-and-health.md).
ALTER TABLE outgoing_mails ADD COLUMN trace_parent text;

-- Opens are counted on the mail's own timeline row (count, first and last time) instead of one
-- timeline row each, and a link goes onto the timeline once, at its first click. Rows written the
-- old way are folded the same way; tracking_events keeps every fetch, so no count changes.
-- Deleting an event deletes its timeline row (ON DELETE CASCADE).
DELETE FROM customer_events WHERE kind = 'opened';

DELETE FROM customer_events e
USING (
    SELECT id, row_number() OVER (PARTITION BY customer_id, outgoing_mail_id, detail ORDER BY occurred_at, id) AS n
    FROM customer_events
    WHERE kind = 'clicked'
) ranked
WHERE e.id = ranked.id AND ranked.n > 1;

-- Replace the events of the mentions clustered again (and of the mentions the batch replaced)
-- with the new clustering (registered as batch_events and batch_event_mentions).
CREATE OR REPLACE TEMP TABLE stale AS
SELECT DISTINCT event_id FROM event_mentions
WHERE mention_id IN (SELECT mention_id FROM reach UNION SELECT mention_id FROM touched);
DELETE FROM event_mentions WHERE event_id IN (SELECT event_id FROM stale);
DELETE FROM events WHERE event_id IN (SELECT event_id FROM stale);
INSERT INTO events BY NAME SELECT * FROM batch_events;
INSERT INTO event_mentions BY NAME SELECT * FROM batch_event_mentions;

-- One step of the closure: add the other mentions of the events of mentions in reach, and every
-- mention of the same key whose period overlaps one in reach. Repeated until nothing is added,
-- no mention outside reach can be in an event with one inside: clustering reach alone gives the
-- same events as clustering everything.
CREATE OR REPLACE TEMP TABLE reach AS
SELECT mention_id FROM reach
UNION
SELECT l.mention_id
FROM event_mentions AS l
WHERE l.event_id IN (
    SELECT event_id FROM event_mentions WHERE mention_id IN (SELECT mention_id FROM reach UNION SELECT mention_id FROM touched)
)
UNION
SELECT s.mention_id
FROM mention_keys AS s
JOIN mention_keys AS r ON s.cluster_key = r.cluster_key AND s.date_from <= r.date_to AND r.date_from <= s.date_to
WHERE r.mention_id IN (SELECT mention_id FROM reach);

-- The mentions to cluster again: the batch's own, every mention not yet in an event (a migrated
-- warehouse, an interrupted load), and those whose period overlaps a replaced mention's.
CREATE OR REPLACE TEMP TABLE reach AS
SELECT mention_id FROM batch_mentions
UNION
SELECT m.mention_id FROM mentions AS m ANTI JOIN event_mentions AS l USING (mention_id)
UNION
SELECT s.mention_id
FROM mention_keys AS s
JOIN touched AS t ON s.cluster_key = t.cluster_key AND s.date_from <= t.date_to AND t.date_from <= s.date_to;

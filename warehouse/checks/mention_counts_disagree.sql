-- Events whose num_mentions is not the number of their links.
SELECT e.event_id, e.num_mentions, count(l.mention_id) AS linked
FROM events AS e LEFT JOIN event_mentions AS l USING (event_id)
GROUP BY e.event_id, e.num_mentions
HAVING e.num_mentions <> count(l.mention_id);

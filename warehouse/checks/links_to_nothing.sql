-- Links whose mention or event does not exist.
SELECT l.mention_id, l.event_id
FROM event_mentions AS l
WHERE l.mention_id NOT IN (SELECT mention_id FROM mentions) OR l.event_id NOT IN (SELECT event_id FROM events);

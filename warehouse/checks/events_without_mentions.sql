-- Events that no mention reports.
SELECT e.event_id, e.cameo_code, e.event_date, e.sentence
FROM events AS e ANTI JOIN event_mentions AS l USING (event_id);

SELECT 'articles' AS "table", count(*) AS "rows" FROM articles
UNION ALL SELECT 'timexes', count(*) FROM timexes
UNION ALL SELECT 'mentions', count(*) FROM mentions
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'event_mentions', count(*) FROM event_mentions
UNION ALL SELECT 'rejects', count(*) FROM rejects;

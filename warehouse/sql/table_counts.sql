SELECT 'articles' AS "table", count(*) AS "rows" FROM articles
UNION ALL SELECT 'timexes', count(*) FROM timexes
UNION ALL SELECT 'mentions', count(*) FROM mentions
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'event_mentions', count(*) FROM event_mentions
UNION ALL SELECT 'rejects', count(*) FROM rejects
UNION ALL SELECT 'files', count(*) FROM files
UNION ALL SELECT 'runs', count(*) FROM runs;

SELECT 'articles' AS "table", count(*) AS "rows" FROM articles
UNION ALL SELECT 'timexes', count(*) FROM timexes
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'rejects', count(*) FROM rejects;

-- Outlets by the articles they give.
SELECT coalesce(source, '(unknown)') AS source, count(*) AS articles
FROM articles
GROUP BY ALL
ORDER BY articles DESC, source
LIMIT 10;

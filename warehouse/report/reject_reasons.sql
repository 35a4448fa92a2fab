-- The commonest reasons inputs were rejected or loaded with a warning.
SELECT severity, reason, count(*) AS inputs
FROM rejects
GROUP BY ALL
ORDER BY inputs DESC, severity, reason
LIMIT 10;

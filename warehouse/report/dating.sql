-- How the events are dated: from a date in the text or from the article's publication, and to
-- which precision.
SELECT date_source, coalesce(date_precision, '(none)') AS date_precision, count(*) AS events
FROM report_events
GROUP BY ALL
ORDER BY date_source, events DESC;

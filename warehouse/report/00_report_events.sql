-- The events the report covers: those the --where condition keeps (report_filter, a temporary view
-- of events), dated on or after --since when given (? twice: the date or NULL).
CREATE TEMP TABLE report_events AS
SELECT *
FROM report_filter
WHERE CAST(? AS DATE) IS NULL OR event_date >= CAST(? AS DATE);

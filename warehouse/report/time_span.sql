-- The span the chart over time shows: the 1st to the 99th percentile of the dates of events that
-- happened (mode asserted) known to the month or finer, and how many such events lie outside it.
WITH dated AS (
    SELECT event_date
    FROM report_events
    WHERE "mode" = 'asserted' AND event_date IS NOT NULL
      AND date_precision IN ('time', 'day', 'week', 'month')
),
span AS (
    SELECT quantile_disc(event_date, 0.01) AS first_date, quantile_disc(event_date, 0.99) AS last_date FROM dated
)
SELECT
    first_date,
    last_date,
    (SELECT count(*) FROM dated, span WHERE event_date < first_date OR event_date > last_date) AS outside
FROM span;

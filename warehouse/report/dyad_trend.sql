-- Events that happened per period (? = 'week' or 'month') for each dyad, between two dates; an
-- event counts only when its date is known to the period or finer.
SELECT
    CAST(date_trunc(?, event_date) AS DATE) AS period,
    source_country,
    target_country,
    count(*) AS events
FROM report_events
WHERE "mode" = 'asserted'
  AND event_date BETWEEN ? AND ?
  AND date_precision IN ('time', 'day', 'week', 'month')
  AND (? = 'month' OR date_precision IN ('time', 'day', 'week'))
GROUP BY ALL
ORDER BY period;

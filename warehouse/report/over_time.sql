-- Events that happened (mode asserted) per period (? = 'week' or 'month') and QuadClass, between
-- two dates; an event counts only when its date is known to the period or finer.
SELECT
    CAST(date_trunc(?, e.event_date) AS DATE) AS period,
    e.quad_class,
    q.name AS quad_name,
    count(*) AS events
FROM report_events AS e
JOIN quad_classes AS q USING (quad_class)
WHERE e."mode" = 'asserted'
  AND e.event_date BETWEEN ? AND ?
  AND e.date_precision IN ('time', 'day', 'week', 'month')
  AND (? = 'month' OR e.date_precision IN ('time', 'day', 'week'))
GROUP BY ALL
ORDER BY period, e.quad_class;

-- Staging: events with the calendar parts of their date, and whether the date is known to the
-- day or to the month (the marts count an event only at a granularity its date supports).
CREATE OR REPLACE VIEW stg_events AS
SELECT
    *,
    CAST(date_trunc('month', event_date) AS DATE) AS event_month,
    date_precision IN ('time', 'day') AS known_to_day,
    date_precision IN ('time', 'day', 'week', 'month') AS known_to_month
FROM events;

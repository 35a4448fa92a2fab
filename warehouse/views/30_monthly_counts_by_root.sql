-- Mart: monthly counts of events that happened (mode asserted) by CAMEO root,
-- with the sum of their Goldstein scores; only events whose date is known to the month or finer.
CREATE OR REPLACE VIEW monthly_counts_by_root AS
SELECT
    event_month AS month,
    cameo_root,
    count(*) AS events,
    sum(num_mentions) AS mentions,
    sum(num_articles) AS articles,
    round(sum(goldstein), 2) AS goldstein
FROM stg_events
WHERE "mode" = 'asserted' AND known_to_month
GROUP BY ALL;

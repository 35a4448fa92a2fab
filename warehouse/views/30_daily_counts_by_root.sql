-- Mart: daily counts of events that happened (mode asserted) by CAMEO root,
-- with the sum of their Goldstein scores; only events whose date is known to the day or finer.
CREATE OR REPLACE VIEW daily_counts_by_root AS
SELECT
    event_date AS day,
    cameo_root,
    count(*) AS events,
    sum(num_mentions) AS mentions,
    sum(num_articles) AS articles,
    round(sum(goldstein), 2) AS goldstein
FROM stg_events
WHERE "mode" = 'asserted' AND known_to_day
GROUP BY ALL;

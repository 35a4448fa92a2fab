-- Staging: each mention with the period it may have happened in, the key of the mentions it can
-- be one event with, and what clustering needs of its article (schemas.tables.CLUSTER_INPUT).
-- A text date covers its whole granularity ('2021-06' is June 1-30); a mention dated only by its
-- article's publication may have happened in the three days before it.
-- An actor is its country and sector ('AZE/GOV'), else its name. Meeting, cooperating and fighting
-- (roots 04, 06, 19) are symmetric: their pair is unordered. Without a target, the source's name
-- stands in for it: two ministers of one country speaking on one day made two statements. Actors
-- of no country ('the company', 'police') cannot be told apart across articles: their mentions
-- are one event only within one article.
-- (Changing the key changes which mentions are compared: a new key needs the events rebuilt.)
CREATE OR REPLACE VIEW stg_mentions AS
WITH sides AS (
    SELECT
        m.*,
        CASE WHEN m.source_country IS NULL AND m.source_sector IS NULL THEN coalesce(lower(m.source_name), '')
             ELSE coalesce(m.source_country, '') || '/' || coalesce(m.source_sector, '') END AS source_side,
        CASE WHEN m.target_country IS NULL AND m.target_sector IS NULL THEN coalesce(lower(m.target_name), '')
             ELSE coalesce(m.target_country, '') || '/' || coalesce(m.target_sector, '') END AS target_side,
        a.source AS article_source,
        a.url AS article_url,
        a.simhash,
        a.ingested_at
    FROM mentions AS m
    JOIN articles AS a USING (article_id)
)
SELECT
    * EXCLUDE (source_side, target_side, article_source, article_url, simhash, ingested_at),
    cameo_root || '|' || CASE
        WHEN cameo_root IN ('04', '06', '19') AND target_side < source_side THEN target_side || '|' || source_side
        WHEN target_side = '' THEN source_side || '|' || coalesce(lower(source_name), '')
        ELSE source_side || '|' || target_side
    END || '|' || "mode"
    || CASE WHEN source_country IS NULL AND target_country IS NULL THEN '|' || article_id ELSE '' END AS cluster_key,
    CASE WHEN date_source = 'published' THEN event_date - 3 ELSE event_date END AS date_from,
    CASE
        WHEN date_source = 'published' THEN event_date
        WHEN date_precision = 'week' THEN event_date + 6
        WHEN date_precision = 'month' THEN last_day(event_date)
        WHEN date_precision IN ('quarter', 'season') THEN CAST(event_date + INTERVAL 3 MONTH AS DATE) - 1
        WHEN date_precision = 'half' THEN CAST(event_date + INTERVAL 6 MONTH AS DATE) - 1
        WHEN date_precision = 'year' THEN CAST(event_date + INTERVAL 1 YEAR AS DATE) - 1
        WHEN date_precision = 'decade' THEN CAST(event_date + INTERVAL 10 YEAR AS DATE) - 1
        WHEN date_precision = 'century' THEN CAST(event_date + INTERVAL 100 YEAR AS DATE) - 1
        ELSE event_date
    END AS date_to,
    coalesce(
        nullif(trim(article_source), ''),
        nullif(regexp_extract(lower(article_url), '^[a-z]+://(www\.)?([^/:?#]+)', 2), '')
    ) AS outlet,
    simhash,
    ingested_at
FROM sides;

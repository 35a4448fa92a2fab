-- Issue 8: what clustering compares of a mention (its key and the period it may have happened in)
-- is computed once, when the mention is loaded, into mention_keys; a batch's clustering then joins
-- that narrow table instead of recomputing every mention's key through stg_mentions, so a load
-- costs the same in a warehouse of any size. The macros are the one definition: stg_mentions and
-- the load step (warehouse/sql/load_mention_keys.sql) call them. A new definition is a migration
-- that replaces them, recomputes mention_keys and rebuilds the events.
--
-- An actor is its country and sector ('AZE/GOV'), else its name. Meeting, cooperating and fighting
-- (roots 04, 06, 19) are symmetric: their pair is unordered. Without a target, the source's name
-- stands in for it: two ministers of one country speaking on one day made two statements. Actors
-- of no country ('the company', 'police') cannot be told apart across articles: their mentions
-- are one event only within one article.
CREATE OR REPLACE MACRO actor_side(name, country, sector) AS
    CASE WHEN country IS NULL AND sector IS NULL THEN coalesce(lower(name), '')
         ELSE coalesce(country, '') || '/' || coalesce(sector, '') END;

CREATE OR REPLACE MACRO cluster_key(
    cameo_root, event_mode, article_id, source_name, source_country, source_sector, target_name, target_country,
    target_sector
) AS
    cameo_root || '|' || CASE
        WHEN cameo_root IN ('04', '06', '19')
             AND actor_side(target_name, target_country, target_sector) < actor_side(source_name, source_country, source_sector)
            THEN actor_side(target_name, target_country, target_sector) || '|' || actor_side(source_name, source_country, source_sector)
        WHEN actor_side(target_name, target_country, target_sector) = ''
            THEN actor_side(source_name, source_country, source_sector) || '|' || coalesce(lower(source_name), '')
        ELSE actor_side(source_name, source_country, source_sector) || '|' || actor_side(target_name, target_country, target_sector)
    END || '|' || event_mode
    || CASE WHEN source_country IS NULL AND target_country IS NULL THEN '|' || article_id ELSE '' END;

-- A text date covers its whole granularity ('2021-06' is June 1-30); a mention dated only by its
-- article's publication may have happened in the three days before it.
CREATE OR REPLACE MACRO period_from(date_source, event_date) AS
    CASE WHEN date_source = 'published' THEN event_date - 3 ELSE event_date END;

CREATE OR REPLACE MACRO period_to(date_source, date_precision, event_date) AS
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
    END;

CREATE TABLE "mention_keys" (
    "mention_id" VARCHAR NOT NULL,
    "cluster_key" VARCHAR NOT NULL,
    "date_from" DATE,
    "date_to" DATE,
    PRIMARY KEY ("mention_id")
);

INSERT INTO mention_keys
SELECT
    mention_id,
    cluster_key(cameo_root, "mode", article_id, source_name, source_country, source_sector, target_name,
                target_country, target_sector),
    period_from(date_source, event_date),
    period_to(date_source, date_precision, event_date)
FROM mentions;

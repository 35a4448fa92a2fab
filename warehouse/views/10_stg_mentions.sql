-- Staging: each mention with the period it may have happened in, the key of the mentions it can
-- be one event with (the macros of migration 0004, which say what they compare), and what
-- clustering needs of its article (schemas.tables.CLUSTER_INPUT).
CREATE OR REPLACE VIEW stg_mentions AS
SELECT
    m.*,
    cluster_key(m.cameo_root, m."mode", m.article_id, m.source_name, m.source_country, m.source_sector,
                m.target_name, m.target_country, m.target_sector) AS cluster_key,
    period_from(m.date_source, m.event_date) AS date_from,
    period_to(m.date_source, m.date_precision, m.event_date) AS date_to,
    coalesce(
        nullif(trim(a.source), ''),
        nullif(regexp_extract(lower(a.url), '^[a-z]+://(www\.)?([^/:?#]+)', 2), '')
    ) AS outlet,
    a.simhash,
    a.ingested_at
FROM mentions AS m
JOIN articles AS a USING (article_id);

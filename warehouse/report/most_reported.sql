-- The most-reported events (by mentions, then articles and outlets) with their names, their
-- sentences, outlets and article links.
WITH top AS (
    SELECT *
    FROM report_events
    ORDER BY num_mentions DESC, num_articles DESC, num_sources DESC, event_id
    LIMIT ?
),
reports AS (
    SELECT
        em.event_id,
        list(DISTINCT m.sentence ORDER BY m.sentence) AS sentences,
        list(DISTINCT a.source ORDER BY a.source) FILTER (WHERE a.source IS NOT NULL) AS sources,
        list(DISTINCT a.url ORDER BY a.url) FILTER (WHERE a.url IS NOT NULL) AS urls,
        list(DISTINCT coalesce(a.title, a.input) ORDER BY coalesce(a.title, a.input)) AS articles
    FROM top
    JOIN event_mentions AS em USING (event_id)
    JOIN mentions AS m ON m.mention_id = em.mention_id
    JOIN articles AS a ON a.article_id = m.article_id
    GROUP BY em.event_id
)
SELECT
    top.event_id,
    top.event_date,
    top.date_precision,
    top.date_source,
    top.mode,
    coalesce(top.source_name, top.source_country, '') AS source,
    top.source_country,
    c.name AS action,
    top.cameo_code,
    coalesce(top.target_name, top.target_country, '') AS target,
    top.target_country,
    top.num_mentions,
    top.num_articles,
    top.num_sources,
    reports.sentences,
    reports.sources,
    reports.urls,
    reports.articles
FROM top
LEFT JOIN cameo_codes AS c ON c.code = top.cameo_code
LEFT JOIN reports USING (event_id)
ORDER BY top.num_mentions DESC, top.num_articles DESC, top.num_sources DESC, top.event_id;

-- The dyads (source and target country or kind of actor) with the most events that happened.
SELECT
    e.source_country,
    e.target_country,
    coalesce(s.name, e.source_country) AS source_name,
    coalesce(t.name, e.target_country) AS target_name,
    count(*) AS events,
    CAST(sum(e.num_mentions) AS BIGINT) AS mentions,
    round(avg(e.goldstein), 2) AS mean_goldstein
FROM report_events AS e
LEFT JOIN country_codes AS s ON s.code = e.source_country
LEFT JOIN country_codes AS t ON t.code = e.target_country
WHERE e."mode" = 'asserted' AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
  AND e.source_country <> e.target_country
GROUP BY ALL
ORDER BY events DESC, mentions DESC, e.source_country, e.target_country
LIMIT ?;

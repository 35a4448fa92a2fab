-- Events that happened by CAMEO root (its name and QuadClass), most first.
SELECT
    e.cameo_root,
    c.name AS root_name,
    c.quad_class,
    count(*) AS events,
    CAST(sum(e.num_mentions) AS BIGINT) AS mentions
FROM report_events AS e
JOIN cameo_codes AS c ON c.code = e.cameo_root
WHERE e."mode" = 'asserted'
GROUP BY ALL
ORDER BY events DESC, e.cameo_root;

-- What the warehouse holds: articles, outlets, publication dates, rejects, and the events the report covers.
SELECT
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(DISTINCT source) FROM articles) AS sources,
    (SELECT min(published_date) FROM articles) AS first_published,
    (SELECT max(published_date) FROM articles) AS last_published,
    (SELECT count(*) FROM articles WHERE published_date IS NULL) AS undated_articles,
    (SELECT count(*) FROM rejects WHERE severity = 'error') AS rejected,
    (SELECT count(*) FROM rejects WHERE severity = 'warning') AS warned,
    (SELECT count(*) FROM mentions) AS mentions,
    (SELECT count(*) FROM events) AS events,
    (SELECT count(*) FROM report_events) AS report_events,
    (SELECT count(*) FROM report_events WHERE "mode" = 'asserted') AS asserted_events;

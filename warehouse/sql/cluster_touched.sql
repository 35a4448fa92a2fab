-- Before a batch replaces the mentions of its articles (and removes those of retired ones): the
-- mentions it replaces, with their periods.
CREATE OR REPLACE TEMP TABLE touched AS
SELECT mention_id, cluster_key, date_from, date_to
FROM stg_mentions
WHERE article_id IN (SELECT article_id FROM batch_articles UNION SELECT article_id FROM retired);

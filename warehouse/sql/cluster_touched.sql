-- Before a batch replaces the mentions of its articles (and removes those of retired ones): the
-- mentions it replaces, with their periods.
CREATE OR REPLACE TEMP TABLE touched AS
SELECT k.mention_id, k.cluster_key, k.date_from, k.date_to
FROM mention_keys AS k
JOIN mentions AS m USING (mention_id)
WHERE m.article_id IN (SELECT article_id FROM batch_articles UNION SELECT article_id FROM retired);

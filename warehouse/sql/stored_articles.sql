-- A batch of stored articles to extract again (`eventpipe recode`): the next $limit after
-- $after in article_id order, so that a recode reads the table in slices that never overlap.
SELECT article_id, input, text, title, url, source, byline, external_id, published_date, published_source
FROM articles
WHERE article_id > $after
ORDER BY article_id
LIMIT $limit;

-- Rejects that stopped being true (listed in `cleared`, then removed). A file the batch read
-- replaces its rejects: the batch holds every reject of this reading (batch_rejects), so an input
-- that now loads has none left. And the warning that an input's article has no publication date
-- (transforms/articles.py date_article) goes once another input has dated the article.
CREATE OR REPLACE TEMP TABLE cleared AS
SELECT r.reject_id
FROM rejects AS r
WHERE r.reject_id NOT IN (SELECT reject_id FROM batch_rejects)
  AND (r.input IN (SELECT path FROM batch_read_files)  -- the file, or one of its lines ('path:N')
       OR regexp_replace(r.input, ':[0-9]+$', '') IN (SELECT path FROM batch_read_files))
UNION
SELECT r.reject_id
FROM rejects AS r
WHERE r.severity = 'warning'
  AND starts_with(r.reason, 'no publication date')
  AND r.input IN (
      SELECT l.input
      FROM file_articles AS l
      JOIN articles AS a USING (article_id)
      WHERE a.article_id IN (SELECT article_id FROM batch_articles) AND a.published_date IS NOT NULL
      UNION ALL
      SELECT a.input FROM articles AS a
      WHERE a.article_id IN (SELECT article_id FROM batch_articles) AND a.published_date IS NOT NULL
  );

DELETE FROM rejects WHERE reject_id IN (SELECT reject_id FROM cleared);

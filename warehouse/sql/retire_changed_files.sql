-- Articles of a file that changed since it was loaded and no longer holds them: they go, with
-- everything derived from them (a changed file replaces its articles' rows). batch_file_articles
-- lists every article the batch's files hold now, also those loaded by earlier batches of the run.
CREATE OR REPLACE TEMP TABLE retired AS
SELECT a.article_id
FROM articles AS a
JOIN batch_files AS f ON a.input = f.path OR starts_with(a.input, f.path || ':')
WHERE a.article_id NOT IN (SELECT article_id FROM batch_articles)
  AND a.article_id NOT IN (SELECT article_id FROM batch_file_articles WHERE path = f.path);

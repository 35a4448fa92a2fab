-- The files the batch read (batch_read_files) now hold exactly the articles of batch_file_articles
-- (with those loaded by earlier batches of the run); an article another input still holds stays.
-- An article no input holds any more is retired, with everything derived from it; one that stays
-- but was last seen in a file that dropped it points to an input that still holds it.
CREATE OR REPLACE TEMP TABLE dropped AS
SELECT l.path, l.article_id
FROM file_articles AS l
WHERE l.path IN (SELECT path FROM batch_read_files)
  AND NOT EXISTS (SELECT 1 FROM batch_file_articles AS b WHERE b.path = l.path AND b.article_id = l.article_id);

DELETE FROM file_articles AS l
WHERE EXISTS (SELECT 1 FROM dropped AS d WHERE d.path = l.path AND d.article_id = l.article_id);

INSERT INTO file_articles BY NAME
SELECT * FROM batch_file_articles
ON CONFLICT (path, article_id) DO UPDATE SET input = excluded.input;

CREATE OR REPLACE TEMP TABLE retired AS
SELECT DISTINCT article_id
FROM dropped
WHERE article_id NOT IN (SELECT article_id FROM file_articles)
  AND article_id NOT IN (SELECT article_id FROM batch_articles);

UPDATE articles
SET input = (SELECT min(l.input) FROM file_articles AS l WHERE l.article_id = articles.article_id)
WHERE article_id IN (SELECT article_id FROM dropped EXCEPT SELECT article_id FROM retired)
  AND input NOT IN (SELECT l.input FROM file_articles AS l WHERE l.article_id = articles.article_id);

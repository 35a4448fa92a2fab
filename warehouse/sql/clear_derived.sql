-- Timexes and mentions are derived from the article text: a batch replaces those of its articles
-- and removes retired articles. (Events and their links are rebuilt by the clustering steps.)
DELETE FROM timexes WHERE article_id IN (SELECT article_id FROM batch_articles UNION SELECT article_id FROM retired);
DELETE FROM mentions WHERE article_id IN (SELECT article_id FROM batch_articles UNION SELECT article_id FROM retired);
DELETE FROM articles WHERE article_id IN (SELECT article_id FROM retired);

-- Timexes and mentions are derived from the article text: a batch replaces those of its articles.
-- (Events and their links are rebuilt by the clustering steps that follow.)
DELETE FROM timexes WHERE article_id IN (SELECT article_id FROM batch_articles);
DELETE FROM mentions WHERE article_id IN (SELECT article_id FROM batch_articles);

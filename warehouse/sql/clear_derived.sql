-- Timexes and events are derived from the article text: a batch replaces those of its articles.
DELETE FROM timexes WHERE article_id IN (SELECT article_id FROM batch_articles);
DELETE FROM events WHERE article_id IN (SELECT article_id FROM batch_articles);

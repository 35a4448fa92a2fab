-- Mentions dated by their text to a period that starts after the article was published (a report
-- cannot tell what has not happened yet, unless it is intended or hypothetical), or before 1800.
SELECT m.mention_id, m.article_id, a.published_date, m.event_date, m.date_value, m."mode", m.sentence
FROM mentions AS m JOIN articles AS a USING (article_id)
WHERE m.date_source = 'text'
  AND ((m."mode" IN ('asserted', 'negated') AND m.event_date > a.published_date) OR year(m.event_date) < 1800);

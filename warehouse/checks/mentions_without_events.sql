-- Mentions that are in no event (clustered at the next load; `eventpipe run` with no new input settles them).
SELECT m.mention_id, m.article_id, m.cameo_code, m.sentence
FROM mentions AS m ANTI JOIN event_mentions AS l USING (mention_id);

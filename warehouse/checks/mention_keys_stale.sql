-- Mentions whose stored clustering key or period (mention_keys) is missing, left over, or not what
-- the macros give for the mention now: clustering would compare them wrongly.
SELECT coalesce(s.mention_id, k.mention_id) AS mention_id, k.cluster_key AS stored_key, s.cluster_key AS key_now,
       k.date_from AS stored_from, s.date_from AS from_now, k.date_to AS stored_to, s.date_to AS to_now
FROM (SELECT mention_id, cluster_key, date_from, date_to FROM stg_mentions) AS s
FULL JOIN mention_keys AS k USING (mention_id)
WHERE s.mention_id IS NULL OR k.mention_id IS NULL
   OR s.cluster_key IS DISTINCT FROM k.cluster_key
   OR s.date_from IS DISTINCT FROM k.date_from OR s.date_to IS DISTINCT FROM k.date_to;

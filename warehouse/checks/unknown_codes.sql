-- Mentions and events whose CAMEO code is not one (no Goldstein score was found for it) or whose
-- root is not its first two digits.
SELECT 'mention' AS "row", mention_id AS id, cameo_code, cameo_root FROM mentions
WHERE goldstein IS NULL OR NOT regexp_full_match(cameo_code, '[012][0-9]{1,3}') OR cameo_root <> left(cameo_code, 2)
UNION ALL
SELECT 'event', event_id, cameo_code, cameo_root FROM events
WHERE goldstein IS NULL OR NOT regexp_full_match(cameo_code, '[012][0-9]{1,3}') OR cameo_root <> left(cameo_code, 2);

-- The clustering keys of the batch's mentions (the macros of migration 0004), in place of those of
-- the mentions it replaced or retired.
DELETE FROM mention_keys WHERE mention_id IN (SELECT mention_id FROM touched);
INSERT OR REPLACE INTO mention_keys
SELECT
    mention_id,
    cluster_key(cameo_root, "mode", article_id, source_name, source_country, source_sector, target_name,
                target_country, target_sector),
    period_from(date_source, event_date),
    period_to(date_source, date_precision, event_date)
FROM batch_mentions;

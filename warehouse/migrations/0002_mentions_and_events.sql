-- Issue 5: the foundation's sentence-level events become `mentions`, and `events` holds one row per
-- real-world event, with `event_mentions` linking the two. Events are built by the next load
-- (every mention without an event is clustered then).
ALTER TABLE articles ADD COLUMN simhash UBIGINT;
CREATE TABLE "mentions" (
    "mention_id" VARCHAR NOT NULL,
    "article_id" VARCHAR NOT NULL,
    "sentence_index" BIGINT NOT NULL,
    "sentence" VARCHAR NOT NULL,
    "start" BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    "event_date" DATE,
    "date_precision" VARCHAR CHECK ("date_precision" IN ('time', 'day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade', 'century', 'duration', 'set', 'reference')),
    "date_value" VARCHAR,
    "date_source" VARCHAR CHECK ("date_source" IN ('text', 'published')),
    "cameo_code" VARCHAR NOT NULL,
    "cameo_root" VARCHAR NOT NULL,
    "plover" VARCHAR,
    "quad_class" TINYINT,
    "goldstein" DOUBLE,
    "mode" VARCHAR NOT NULL CHECK ("mode" IN ('asserted', 'negated', 'intended', 'hypothetical')),
    "source_name" VARCHAR,
    "source_country" VARCHAR,
    "source_sector" VARCHAR,
    "target_name" VARCHAR,
    "target_country" VARCHAR,
    "target_sector" VARCHAR,
    "location" VARCHAR,
    "location_country" VARCHAR,
    PRIMARY KEY ("mention_id")
);
INSERT INTO mentions BY NAME
SELECT * EXCLUDE (event_id), event_id AS mention_id, 'asserted' AS "mode" FROM events;
DROP TABLE events;
CREATE TABLE "events" (
    "event_id" VARCHAR NOT NULL,
    "cluster_key" VARCHAR NOT NULL,
    "event_date" DATE,
    "date_precision" VARCHAR CHECK ("date_precision" IN ('time', 'day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade', 'century', 'duration', 'set', 'reference')),
    "date_value" VARCHAR,
    "date_source" VARCHAR CHECK ("date_source" IN ('text', 'published')),
    "cameo_code" VARCHAR NOT NULL,
    "cameo_root" VARCHAR NOT NULL,
    "plover" VARCHAR,
    "quad_class" TINYINT,
    "goldstein" DOUBLE,
    "mode" VARCHAR NOT NULL CHECK ("mode" IN ('asserted', 'negated', 'intended', 'hypothetical')),
    "source_name" VARCHAR,
    "source_country" VARCHAR,
    "source_sector" VARCHAR,
    "target_name" VARCHAR,
    "target_country" VARCHAR,
    "target_sector" VARCHAR,
    "location" VARCHAR,
    "location_country" VARCHAR,
    "num_mentions" BIGINT NOT NULL,
    "num_articles" BIGINT NOT NULL,
    "num_sources" BIGINT NOT NULL,
    "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "article_id" VARCHAR NOT NULL,
    "mention_id" VARCHAR NOT NULL,
    "sentence" VARCHAR NOT NULL,
    PRIMARY KEY ("event_id")
);
CREATE TABLE "event_mentions" (
    "mention_id" VARCHAR NOT NULL,
    "event_id" VARCHAR NOT NULL,
    PRIMARY KEY ("mention_id")
);

-- Issue 13: a deed the text puts before publication without saying when ('had asked',
-- 'previously') is not dated by the publication day: its date stays empty and date_source says
-- 'earlier'. DuckDB cannot change a CHECK constraint, so mentions and events are rebuilt with the
-- new accepted values, their rows copied as they are (views and comments are refreshed after).
CREATE TABLE "mentions_0007" (
    "mention_id" VARCHAR NOT NULL,
    "article_id" VARCHAR NOT NULL,
    "sentence_index" BIGINT NOT NULL,
    "sentence" VARCHAR NOT NULL,
    "start" BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    "event_date" DATE,
    "date_precision" VARCHAR CHECK ("date_precision" IN ('time', 'day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade', 'century', 'duration', 'set', 'reference')),
    "date_value" VARCHAR,
    "date_source" VARCHAR CHECK ("date_source" IN ('text', 'published', 'earlier')),
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
INSERT INTO mentions_0007 BY NAME SELECT * FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_0007 RENAME TO mentions;
CREATE TABLE "events_0007" (
    "event_id" VARCHAR NOT NULL,
    "cluster_key" VARCHAR NOT NULL,
    "event_date" DATE,
    "date_precision" VARCHAR CHECK ("date_precision" IN ('time', 'day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade', 'century', 'duration', 'set', 'reference')),
    "date_value" VARCHAR,
    "date_source" VARCHAR CHECK ("date_source" IN ('text', 'published', 'earlier')),
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
INSERT INTO events_0007 BY NAME SELECT * FROM events;
DROP TABLE events;
ALTER TABLE events_0007 RENAME TO events;

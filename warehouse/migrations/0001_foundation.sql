-- The foundation schema (issue 2), as the first released version created it.
CREATE TABLE IF NOT EXISTS "articles" (
    "article_id" VARCHAR NOT NULL,
    "input" VARCHAR NOT NULL,
    "title" VARCHAR,
    "url" VARCHAR,
    "source" VARCHAR,
    "byline" VARCHAR,
    "external_id" VARCHAR,
    "published_date" DATE,
    "published_source" VARCHAR CHECK ("published_source" IN ('metadata', 'cli', 'inferred')),
    "text" VARCHAR NOT NULL,
    "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY ("article_id")
);
CREATE TABLE IF NOT EXISTS "timexes" (
    "article_id" VARCHAR NOT NULL,
    "start" BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    "text" VARCHAR NOT NULL,
    "type" VARCHAR NOT NULL CHECK ("type" IN ('DATE', 'TIME', 'DURATION', 'SET')),
    "value" VARCHAR,
    "precision" VARCHAR CHECK ("precision" IN ('time', 'day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade', 'century', 'duration', 'set', 'reference')),
    PRIMARY KEY ("article_id", "start", "end")
);
CREATE TABLE IF NOT EXISTS "events" (
    "event_id" VARCHAR NOT NULL,
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
    "source_name" VARCHAR,
    "source_country" VARCHAR,
    "source_sector" VARCHAR,
    "target_name" VARCHAR,
    "target_country" VARCHAR,
    "target_sector" VARCHAR,
    "location" VARCHAR,
    "location_country" VARCHAR,
    PRIMARY KEY ("event_id")
);
CREATE TABLE IF NOT EXISTS "rejects" (
    "reject_id" VARCHAR NOT NULL,
    "input" VARCHAR NOT NULL,
    "reason" VARCHAR NOT NULL,
    "severity" VARCHAR NOT NULL CHECK ("severity" IN ('error', 'warning')),
    "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY ("reject_id")
);

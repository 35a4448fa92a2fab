-- Issue 6: input files already processed (incremental runs), and the runs themselves.
CREATE TABLE "files" (
    "path" VARCHAR NOT NULL,
    "sha256" VARCHAR NOT NULL,
    "size" BIGINT NOT NULL,
    "mtime_ns" BIGINT NOT NULL,
    "status" VARCHAR NOT NULL CHECK ("status" IN ('loaded', 'rejected')),
    "articles" BIGINT NOT NULL,
    "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY ("path")
);
CREATE TABLE "runs" (
    "run_id" VARCHAR NOT NULL,
    "flow" VARCHAR NOT NULL,
    "inputs" VARCHAR NOT NULL,
    "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "finished_at" TIMESTAMP WITH TIME ZONE,
    "status" VARCHAR NOT NULL CHECK ("status" IN ('running', 'completed', 'failed')),
    "files_seen" BIGINT,
    "files_skipped" BIGINT,
    "articles_loaded" BIGINT,
    "mentions_loaded" BIGINT,
    "rejects" BIGINT,
    "error" VARCHAR,
    PRIMARY KEY ("run_id")
);

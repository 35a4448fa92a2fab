-- Issue 14: an article held by two files was deleted when one of them dropped it, and options that
-- change what a file yields (--text-column, --published) were not part of whether it was unchanged.
-- file_articles links every article to each input that holds it; an article leaves only when no
-- input holds it any more. Existing articles are linked to the file they were loaded from (the one
-- their input names), else to their own input (a feed's page), which no file drops.
ALTER TABLE files ADD COLUMN options VARCHAR DEFAULT '';
CREATE TABLE "file_articles" (
    "path" VARCHAR NOT NULL,
    "article_id" VARCHAR NOT NULL,
    "input" VARCHAR NOT NULL,
    PRIMARY KEY ("path", "article_id")
);
INSERT INTO file_articles
SELECT coalesce(
           (SELECT max(f.path) FROM files AS f WHERE a.input = f.path OR starts_with(a.input, f.path || ':')), a.input),
       a.article_id, a.input
FROM articles AS a;

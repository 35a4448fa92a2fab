-- Issue 14 (item 10): code tables, so that a query can join the names of the codes the other tables
-- hold. Their rows are not here: warehouse/codes/*.csv fill them each time the file is opened for
-- writing (warehouse/catalog.py), so a newer eventpipe brings its names without a migration.
CREATE TABLE "cameo_codes" (
    "code" VARCHAR NOT NULL,
    "name" VARCHAR NOT NULL,
    "root" VARCHAR NOT NULL,
    "goldstein" DOUBLE,
    "quad_class" TINYINT,
    "plover" VARCHAR,
    PRIMARY KEY ("code")
);
CREATE TABLE "quad_classes" (
    "quad_class" TINYINT NOT NULL,
    "name" VARCHAR NOT NULL,
    PRIMARY KEY ("quad_class")
);
CREATE TABLE "plover_categories" (
    "plover" VARCHAR NOT NULL,
    "quad_class" TINYINT NOT NULL,
    "meaning" VARCHAR NOT NULL,
    PRIMARY KEY ("plover")
);
CREATE TABLE "sector_codes" (
    "code" VARCHAR NOT NULL,
    "name" VARCHAR NOT NULL,
    PRIMARY KEY ("code")
);
CREATE TABLE "country_codes" (
    "code" VARCHAR NOT NULL,
    "name" VARCHAR NOT NULL,
    "kind" VARCHAR NOT NULL CHECK ("kind" IN ('country', 'former country', 'territory', 'organisation', 'region', 'group', 'sector')),
    PRIMARY KEY ("code")
);

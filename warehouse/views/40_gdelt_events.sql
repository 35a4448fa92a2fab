-- Mart: our events in the column names, order and formats of the GDELT 2.0 Event table
-- (../shared/reference/gdelt/events2.csv, from the GDELT 2.0 Event Codebook), so GDELT queries run.
-- Differences: GLOBALEVENTID is derived from our event_id (15 hex digits); SQLDATE is the date the
-- event happened (GDELT's is mostly the report's); Actor*Type1Code is our sector; AvgTone and
-- coordinates are NULL (not computed); ActionGeo_CountryCode is ISO alpha-3, where GDELT has FIPS 10-4.
CREATE OR REPLACE VIEW gdelt_events AS
SELECT
    CAST('0x' || substr(e.event_id, 1, 15) AS BIGINT) AS GLOBALEVENTID,
    -- Dates as YYYYMMDD / YYYYMM integers by arithmetic, not by formatting and parsing text: a filter
    -- on them (WHERE MonthYear = 202202) is evaluated on every event, and strftime made that 10x slower.
    CAST(year(e.event_date) * 10000 + month(e.event_date) * 100 + day(e.event_date) AS INTEGER) AS SQLDATE,
    CAST(year(e.event_date) * 100 + month(e.event_date) AS INTEGER) AS MonthYear,
    year(e.event_date) AS "Year",
    round(year(e.event_date) + dayofyear(e.event_date) / 365.0, 4) AS FractionDate,
    nullif(coalesce(e.source_country, '') || coalesce(e.source_sector, ''), '') AS Actor1Code,
    upper(e.source_name) AS Actor1Name,
    e.source_country AS Actor1CountryCode,
    CAST(NULL AS VARCHAR) AS Actor1KnownGroupCode,
    CAST(NULL AS VARCHAR) AS Actor1EthnicCode,
    CAST(NULL AS VARCHAR) AS Actor1Religion1Code,
    CAST(NULL AS VARCHAR) AS Actor1Religion2Code,
    e.source_sector AS Actor1Type1Code,
    CAST(NULL AS VARCHAR) AS Actor1Type2Code,
    CAST(NULL AS VARCHAR) AS Actor1Type3Code,
    nullif(coalesce(e.target_country, '') || coalesce(e.target_sector, ''), '') AS Actor2Code,
    upper(e.target_name) AS Actor2Name,
    e.target_country AS Actor2CountryCode,
    CAST(NULL AS VARCHAR) AS Actor2KnownGroupCode,
    CAST(NULL AS VARCHAR) AS Actor2EthnicCode,
    CAST(NULL AS VARCHAR) AS Actor2Religion1Code,
    CAST(NULL AS VARCHAR) AS Actor2Religion2Code,
    e.target_sector AS Actor2Type1Code,
    CAST(NULL AS VARCHAR) AS Actor2Type2Code,
    CAST(NULL AS VARCHAR) AS Actor2Type3Code,
    CAST(m.sentence_index < 4 AS INTEGER) AS IsRootEvent,  -- GDELT: reported in the lead paragraph
    e.cameo_code AS EventCode,
    left(e.cameo_code, 3) AS EventBaseCode,
    e.cameo_root AS EventRootCode,
    CAST(e.quad_class AS INTEGER) AS QuadClass,
    e.goldstein AS GoldsteinScale,
    e.num_mentions AS NumMentions,
    e.num_sources AS NumSources,
    e.num_articles AS NumArticles,
    CAST(NULL AS DOUBLE) AS AvgTone,
    0 AS Actor1Geo_Type,
    CAST(NULL AS VARCHAR) AS Actor1Geo_FullName,
    CAST(NULL AS VARCHAR) AS Actor1Geo_CountryCode,
    CAST(NULL AS VARCHAR) AS Actor1Geo_ADM1Code,
    CAST(NULL AS VARCHAR) AS Actor1Geo_ADM2Code,
    CAST(NULL AS DOUBLE) AS Actor1Geo_Lat,
    CAST(NULL AS DOUBLE) AS Actor1Geo_Long,
    CAST(NULL AS VARCHAR) AS Actor1Geo_FeatureID,
    0 AS Actor2Geo_Type,
    CAST(NULL AS VARCHAR) AS Actor2Geo_FullName,
    CAST(NULL AS VARCHAR) AS Actor2Geo_CountryCode,
    CAST(NULL AS VARCHAR) AS Actor2Geo_ADM1Code,
    CAST(NULL AS VARCHAR) AS Actor2Geo_ADM2Code,
    CAST(NULL AS DOUBLE) AS Actor2Geo_Lat,
    CAST(NULL AS DOUBLE) AS Actor2Geo_Long,
    CAST(NULL AS VARCHAR) AS Actor2Geo_FeatureID,
    CASE WHEN e.location IS NULL THEN 0 ELSE 4 END AS ActionGeo_Type,  -- 4 'world city': we keep no place kinds
    e.location AS ActionGeo_FullName,
    e.location_country AS ActionGeo_CountryCode,
    CAST(NULL AS VARCHAR) AS ActionGeo_ADM1Code,
    CAST(NULL AS VARCHAR) AS ActionGeo_ADM2Code,
    CAST(NULL AS DOUBLE) AS ActionGeo_Lat,
    CAST(NULL AS DOUBLE) AS ActionGeo_Long,
    CAST(NULL AS VARCHAR) AS ActionGeo_FeatureID,
    CAST(strftime(e.first_seen_at AT TIME ZONE 'UTC', '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED,
    a.url AS SOURCEURL
FROM events AS e
JOIN mentions AS m ON m.mention_id = e.mention_id
JOIN articles AS a ON a.article_id = e.article_id
WHERE e."mode" = 'asserted';

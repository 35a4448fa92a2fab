-- Upsert a batch of articles (registered as batch_articles). The first input and ingested_at of
-- an article are kept; metadata given later fills in or corrects what was stored; the SimHash is
-- the one this version computes (a recode after an upgrade refreshes it).
INSERT INTO articles BY NAME
SELECT * FROM batch_articles
ON CONFLICT (article_id) DO UPDATE SET
    title = coalesce(excluded.title, articles.title),
    url = coalesce(excluded.url, articles.url),
    source = coalesce(excluded.source, articles.source),
    byline = coalesce(excluded.byline, articles.byline),
    external_id = coalesce(excluded.external_id, articles.external_id),
    published_date = coalesce(excluded.published_date, articles.published_date),
    published_source = coalesce(excluded.published_source, articles.published_source),
    simhash = excluded.simhash;

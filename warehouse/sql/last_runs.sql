SELECT run_id, flow, started_at, finished_at, status, files_seen, files_skipped, articles_loaded,
       mentions_loaded, rejects, error
FROM runs
ORDER BY started_at DESC
LIMIT $limit;

UPDATE runs SET
    finished_at = $finished_at,
    status = $status,
    files_seen = $files_seen,
    files_skipped = $files_skipped,
    articles_loaded = $articles_loaded,
    mentions_loaded = $mentions_loaded,
    rejects = $rejects,
    error = $error
WHERE run_id = $run_id;

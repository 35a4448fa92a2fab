-- The files of the batch, as they were read: the next run skips them while they stay the same.
INSERT INTO files BY NAME
SELECT * FROM batch_files
ON CONFLICT (path) DO UPDATE SET
    sha256 = excluded.sha256,
    size = excluded.size,
    mtime_ns = excluded.mtime_ns,
    status = excluded.status,
    articles = excluded.articles,
    options = excluded.options,
    loaded_at = CASE WHEN files.sha256 = excluded.sha256 THEN files.loaded_at ELSE excluded.loaded_at END;

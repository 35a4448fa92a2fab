SELECT path, sha256, size, mtime_ns, status, articles, coalesce(options, '') AS options FROM files;

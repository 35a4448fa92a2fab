SELECT path, sha256, size, mtime_ns, status, articles FROM files;

"""DuckDB warehouse: connection, schema, idempotent loads and read-only queries. All SQL lives here."""

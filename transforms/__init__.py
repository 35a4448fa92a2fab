"""Pure functions: text -> sentences -> temporal expressions -> actors -> events -> frames.

Nothing here imports prefect or duckdb, reads files, the network, the environment or the clock.
"""

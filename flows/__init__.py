"""Prefect flows and the `eventpipe` CLI: thin orchestration around transforms and warehouse.

The only package that imports prefect, and only where a flow runs (`flows.ingest`).
"""

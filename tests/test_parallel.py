"""Extraction over worker processes gives exactly the frames of one process; runs without Prefect
load what the flow loads; files are read in bounded groups."""

import json
import pickle
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from bench.synthetic import articles
from eventpipe.flows.ingest import GROUP_BYTES, _groups, run_ingest, run_without_prefect
from eventpipe.flows.parallel import MIN_PER_WORKER, Extractors, finish_and_extract
from eventpipe.transforms.articles import split_file
from eventpipe.warehouse.query import query

NOW = datetime(2026, 11, 29, tzinfo=UTC)


def found(count: int) -> list:
    lines = "".join(json.dumps(record) + "\n" for record, _ in articles(count))
    raw, rejects = split_file("synthetic.jsonl", ".jsonl", lines.encode())
    assert not rejects and len(raw) == count
    return raw


def sorted_tables(frames) -> dict[str, pl.DataFrame]:
    return {name: frame.sort(frame.columns) for name, frame in frames.tables().items()}


@pytest.mark.flow
def test_two_worker_processes_give_the_frames_of_one_process():
    batch = found(3 * MIN_PER_WORKER)
    batch.append(batch[0])  # the same article twice in a batch is one article
    alone = finish_and_extract(batch, [], None, NOW)
    with Extractors(2) as extractors:
        pooled = extractors(batch, [], None, NOW)
    assert alone.articles.height == 3 * MIN_PER_WORKER and alone.mentions.height > 100
    for name, frame in sorted_tables(pooled).items():
        assert frame.equals(sorted_tables(alone)[name]), name


def test_a_small_batch_or_one_worker_stays_in_process_and_a_pickled_pool_is_in_process():
    extractors = Extractors(2)
    frames = extractors(found(MIN_PER_WORKER), [], None, NOW)  # fewer than 2 x MIN_PER_WORKER: no pool
    assert extractors._pool is None and frames.articles.height == MIN_PER_WORKER
    copy = pickle.loads(pickle.dumps(extractors))
    assert copy.workers == 1 and copy._pool is None


def test_files_are_read_in_groups_bounded_by_count_and_bytes():
    files = [Path(f"f{n}") for n in range(7)]
    sizes = {file: GROUP_BYTES // 3 for file in files} | {files[3]: 2 * GROUP_BYTES}
    groups = _groups(files, sizes, most=2)
    assert groups == [[files[0], files[1]], [files[2]], [files[3]], [files[4], files[5]], [files[6]]]
    assert _groups(files, dict.fromkeys(files, 0), most=3) == [files[0:3], files[3:6], files[6:]]
    assert _groups([], {}, most=3) == []


@pytest.mark.flow
@pytest.mark.parametrize("coder", ["rules", "tree"])
def test_a_run_without_prefect_loads_what_the_flow_loads(prefect_server, tmp_path, coder):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r, _ in articles(30)), encoding="utf-8")
    plain, flow = tmp_path / "plain.duckdb", tmp_path / "flow.duckdb"
    by_plain = run_without_prefect([corpus], plain, batch_size=7, coder=coder)
    by_flow = run_ingest([corpus], flow, batch_size=7, coder=coder)
    assert (by_plain.articles, by_plain.mentions) == (by_flow.articles, by_flow.mentions) == (30, by_flow.mentions)
    columns = {"articles": "article_id, text", "mentions": "mention_id, cameo_code, event_date",
               "events": "event_id, num_mentions", "files": "path, status, articles"}
    for table, selected in columns.items():
        statement = f"select {selected} from {table} order by all"
        assert query(plain, statement).rows() == query(flow, statement).rows(), table
    assert query(plain, "select status from runs").rows() == [("completed",)]

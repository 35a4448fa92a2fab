"""The Python API (`import eventpipe`): the README's example runs as written and prints what the
README shows; each function agrees with the command it mirrors."""

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import eventpipe
from eventpipe.warehouse import connection

REPO = Path(__file__).resolve().parents[1]


def readme_example() -> tuple[str, str]:
    """The code and the printed output of the README's "Python API" section."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    code, output = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.DOTALL)[:2]
    return code, output


def test_defaults_match_the_warehouse_and_version_is_installed():
    from importlib.metadata import version

    assert eventpipe.DEFAULT_DB == connection.DEFAULT_DB
    assert eventpipe.DEFAULT_WAIT == connection.DEFAULT_WAIT
    assert eventpipe.__version__ == version("eventpipe")


@pytest.mark.flow
def test_readme_example_runs_as_written(tmp_path):
    code, output = readme_example()
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout == output
    assert (tmp_path / "warehouse" / "events.duckdb").exists()


def test_code_gives_mentions_rows_and_dates_from_the_text():
    from eventpipe.schemas.tables import TABLES

    mentions = next(table for table in TABLES if table.name == "mentions")
    events = eventpipe.code("Turkey and Azerbaijan signed a defence pact on June 15.", published=date(2021, 10, 14))
    assert events and all(list(event) == mentions.names for event in events)
    assert events[0]["event_date"] == date(2021, 6, 15)
    assert eventpipe.code("Turkey and Azerbaijan signed a defence pact on June 15.", published="2021-10-14") == events


def test_timexes_are_normalised_against_the_given_date():
    found = eventpipe.timexes("He arrived yesterday.", dct="2021-10-14")
    assert found == [{"start": 11, "end": 20, "text": "yesterday", "type": "DATE", "value": "2021-10-13"}]
    assert eventpipe.timexes("He arrived yesterday.", dct=date(2022, 1, 1))[0]["value"] == "2021-12-31"


def test_query_is_read_only_and_returns_a_polars_frame(tmp_path):
    import polars as pl

    db = tmp_path / "w.duckdb"
    connection.connect(db).close()
    frame = eventpipe.query("select count(*) as n from cameo_codes", db=db)
    assert isinstance(frame, pl.DataFrame) and frame["n"][0] > 200
    with pytest.raises(connection.WarehouseError, match="read-only"):
        eventpipe.query("delete from cameo_codes", db=db)
    with pytest.raises(connection.WarehouseError, match="no warehouse"):
        eventpipe.query("select 1", db=tmp_path / "missing.duckdb")

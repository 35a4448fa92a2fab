"""The judged samples of bench/judge_sample.py: complete, and their precision computed right."""

import json
from pathlib import Path

import pytest

from bench.judge_sample import FIELDS, SAMPLE, carried_over, draw, precision, with_unique_keys

JUDGMENTS = Path(__file__).resolve().parents[1] / "bench/judgments"


@pytest.mark.parametrize("coder", ["rules", "tree"])
def test_every_sampled_event_is_judged(coder):
    rows = [json.loads(line) for line in (JUDGMENTS / f"guardian-{coder}.jsonl").read_text().splitlines()]
    assert len(rows) == SAMPLE
    assert len({row["key"] for row in rows}) == SAMPLE
    for row in rows:
        assert all(isinstance(row[field], bool) for field in FIELDS), row["key"]
        assert isinstance(row["note"], str)


def _judged(flags: str) -> dict:
    return dict(zip(FIELDS, (flag == "T" for flag in flags)))


def test_precision_is_the_share_right_per_field_and_in_all():
    judged = [_judged("TTTTTT"), _judged("TFTTTF"), _judged("FFFFFF"), _judged("TTFTTT")]
    shares = precision(judged)
    assert shares == {
        "happened": 0.75, "source_ok": 0.5, "target_ok": 0.5, "action_ok": 0.75,
        "mode_ok": 0.75, "date_ok": 0.5, "all": 0.25,
    }


def test_an_unjudged_field_is_not_counted_right():
    row = {**_judged("TTTTTT"), "date_ok": None}
    shares = precision([row, _judged("TTTTTT")])
    assert shares["date_ok"] == 0.5
    assert shares["all"] == 0.5


def test_events_sharing_a_key_get_distinct_keys_and_the_first_keeps_its_own():
    rows = [{"key": key} for key in ("7:10:190", "7:10:190", "7:42:010", "7:10:190")]
    keys = [row["key"] for row in with_unique_keys(rows)]
    assert len(set(keys)) == len(keys)
    assert keys[0] == "7:10:190" and keys[2] == "7:42:010"
    assert all(key.startswith("7:10:190:") for key in (keys[1], keys[3]))


def _coded(key: str, code: str = "190") -> dict:
    return {"key": key, "cameo_code": code, "source": ["Russia", "RUS", None], "target": [None, "UKR", None],
            "event_date": "2022-02-24", "date_precision": "day", "date_source": "text", "mode": "asserted",
            **dict.fromkeys(FIELDS), "note": ""}


def test_the_draw_keeps_the_events_a_change_of_the_coder_left_alone():
    rows = [_coded(f"{n}:0:190") for n in range(1000)]
    sample = {row["key"] for row in draw(rows)}
    assert len(sample) == SAMPLE
    # a tenth of the events gone, others come in: every surviving sampled event stays sampled
    fewer = [row for n, row in enumerate(rows) if n % 10] + [_coded(f"new{n}:0:190") for n in range(50)]
    kept = {row["key"] for row in draw(fewer)}
    assert sample - kept == {row["key"] for n, row in enumerate(rows) if n % 10 == 0} & sample


def test_judgments_carry_over_only_to_the_same_event():
    judged = [{**_coded("1:0:190"), **dict.fromkeys(FIELDS, True), "note": "right"},
              {**_coded("2:0:190"), **dict.fromkeys(FIELDS, False), "note": "wrong"}]
    changed = _coded("2:0:190")
    changed["target"] = [None, "BLR", None]
    sample = [_coded("1:0:190"), changed, _coded("3:0:190")]
    assert carried_over(sample, judged) == 1
    assert sample[0]["note"] == "right" and all(sample[0][field] is True for field in FIELDS)
    assert all(row[field] is None for row in sample[1:] for field in FIELDS)


def test_a_judgment_of_another_version_of_the_event_does_not_hide_the_right_one():
    # the retired file can hold a key judged when the coder coded it otherwise
    now = {**_coded("1:0:190"), **dict.fromkeys(FIELDS, True), "note": "now"}
    earlier = {**_coded("1:0:190"), "target": [None, "BLR", None], **dict.fromkeys(FIELDS, False), "note": "earlier"}
    sample = [_coded("1:0:190")]
    assert carried_over(sample, [now, earlier]) == 1 and sample[0]["note"] == "now"

"""Tests for transforms.timeml (TimeML reading, TempEval-3 scoring) and flows.evaluate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventpipe.transforms.timeml import GoldTimex, TimexScores, align, format_report, parse_timeml, score_timexes

TBAQ = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "timeml-tbaq"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Not text</TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> it &lt;would&gt; cut jobs for <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3>.</TEXT>
</TimeML>
"""


# --- parsing ------------------------------------------------------------------------------------


def test_parse_text_dct_and_offsets():
    doc = parse_timeml(DOC)
    assert doc.text == "\nAT&T said Wednesday it <would> cut jobs for two years."
    assert doc.dct == date(1998, 1, 8)
    assert doc.gold == (
        GoldTimex(11, 20, "Wednesday", "DATE", "1998-01-07"),
        GoldTimex(45, 54, "two years", "DURATION", "P2Y"),
    )
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)


def test_parse_html_entities_and_bare_ampersand():
    doc = parse_timeml("<TimeML><TEXT>caf&eacute;&nbsp;<TIMEX3 type='DATE' value='1990'>1990</TIMEX3> R&D</TEXT></TimeML>")
    assert doc.text == "café\xa01990 R&D"
    assert doc.gold == (GoldTimex(5, 9, "1990", "DATE", "1990"),)
    assert doc.dct is None


def test_parse_nested_timex_inside_other_tags():
    doc = parse_timeml('<TimeML><TEXT><s>On <TIMEX3 type="DATE" value="2000-01">Jan. <b>2000</b></TIMEX3></s>.</TEXT></TimeML>')
    assert doc.text == "On Jan. 2000."
    assert doc.gold == (GoldTimex(3, 12, "Jan. 2000", "DATE", "2000-01"),)


@pytest.mark.parametrize("xml", ["", "plain text", "<TimeML><DOCID>x</DOCID></TimeML>", "<TimeML><TEXT>unclosed"])
def test_not_timeml_is_a_value_error(xml):
    with pytest.raises(ValueError, match="not a TimeML document"):
        parse_timeml(xml)


# --- scoring ------------------------------------------------------------------------------------


def g(start, end, typ="DATE", value="2021"):
    return GoldTimex(start, end, "x" * (end - start), typ, value)


GOLD = [g(0, 10, value="2021"), g(20, 25, value="2021-06"), g(40, 45, "DURATION", "P1D")]
PRED = [g(0, 10, value="2021"), g(18, 25, value="2021-07"), g(50, 55, value="XXXX")]


def test_strict_relaxed_type_value():
    s = score_timexes([(GOLD, PRED)])
    o = s.overall
    assert (o.gold, o.predicted, o.strict, o.relaxed, o.type_ok, o.value_ok) == (3, 3, 1, 2, 2, 1)
    assert o.strict_prf == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert o.relaxed_prf == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert o.type_f1 == pytest.approx(2 / 3)
    assert o.value_f1 == pytest.approx(1 / 3)


def test_date_view_keeps_date_gold_and_date_or_aligned_predictions():
    d = score_timexes([(GOLD, PRED)]).date
    assert (d.gold, d.predicted, d.strict, d.relaxed, d.value_ok) == (2, 3, 1, 2, 1)
    assert d.relaxed_prf == pytest.approx((2 / 3, 1.0, 0.8))
    assert d.value_f1 == pytest.approx(0.4)
    # a DATE prediction aligned to a DURATION gold is in neither side of the DATE view
    d2 = score_timexes([([g(0, 5, "DURATION", "P1Y")], [g(0, 5, "DATE", "2021")])]).date
    assert (d2.gold, d2.predicted) == (0, 0)


def test_alignment_is_one_to_one_by_largest_overlap():
    assert align([g(0, 10), g(12, 20)], [g(0, 20)]) == [(0, 0)]
    assert align([g(0, 20)], [g(0, 5), g(8, 20)]) == [(0, 1)]
    s = score_timexes([([g(0, 20)], [g(0, 5), g(8, 20)])])
    assert (s.overall.relaxed, s.overall.predicted, s.overall.strict) == (1, 2, 0)
    assert s.overall.relaxed_prf == pytest.approx((0.5, 1.0, 2 / 3))


def test_errors_name_kind_document_and_values():
    s = score_timexes([(GOLD, PRED)], names=["doc.tml"])
    assert [(e.kind, e.document, e.start, e.gold_value, e.predicted_value) for e in s.errors] == [
        ("wrong_value", "doc.tml", 20, "2021-06", "2021-07"),
        ("missed", "doc.tml", 40, "P1D", None),
        ("spurious", "doc.tml", 50, None, "XXXX"),
    ]
    wrong_type = score_timexes([([g(0, 5, "DURATION", "P1Y")], [g(0, 5, "DATE", "P1Y")])]).errors
    assert [(e.kind, e.gold_type, e.predicted_type) for e in wrong_type] == [("wrong_type", "DURATION", "DATE")]


def test_scores_add_up_over_documents():
    one = score_timexes([(GOLD, PRED)])
    two = score_timexes([(GOLD, PRED), (GOLD, PRED)])
    assert two.overall.relaxed == 2 * one.overall.relaxed
    assert two.overall.value_f1 == pytest.approx(one.overall.value_f1)
    assert two.documents == 2


def test_empty_scores_are_zero():
    s = score_timexes([])
    assert s.overall.relaxed_prf == (0.0, 0.0, 0.0) and s.overall.value_f1 == 0.0


def test_to_dict_and_report():
    s = score_timexes([(GOLD, PRED)], names=["doc.tml"])
    d = s.to_dict()
    assert d["overall"]["value_f1"] == pytest.approx(1 / 3)
    assert d["date"]["gold"] == 2
    report = format_report(s, s.errors, 2)
    assert "overall" in report and "DATE" in report
    assert "wrong_value doc.tml" in report and "2021-06" in report
    assert "spurious" not in report.splitlines()[-1]  # only the first 2 errors are listed


# --- the real corpus ----------------------------------------------------------------------------


@pytest.mark.skipif(not TBAQ.is_dir(), reason="../shared/corpora/timeml-tbaq is absent")
def test_tbaq_value_f1_floor():
    from eventpipe.flows.evaluate import evaluate_timex_dir

    scores, errors = evaluate_timex_dir(TBAQ)
    print(format_report(scores, errors, 0))
    assert isinstance(scores, TimexScores)
    assert scores.documents == 256 and scores.overall.gold == 1822
    # achieved 0.821 overall and 0.836 for DATE (strict F1 0.876, relaxed F1 0.945, type F1 0.912)
    assert scores.overall.value_f1 >= 0.819
    assert scores.date.value_f1 >= 0.834
    assert scores.overall.relaxed_prf[2] >= 0.943

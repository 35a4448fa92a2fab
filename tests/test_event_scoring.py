"""Event scoring: PLOVER fields and police labels on literal records, then floors on the corpora."""

from pathlib import Path

import pytest

from transforms.event_scoring import (
    LabelScore,
    PloverGold,
    PoliceSentence,
    in_category,
    joint_action,
    judge_plover,
    pick_event,
    police_labels,
    reported,
    score_plover,
    score_police,
)
from transforms.events import Event

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = SHARED / "corpora"


def event(code: str, source=(None, None), target=(None, None), sentence: str = "", mode: str = "asserted") -> Event:
    return Event(
        sentence_index=0, sentence=sentence, start=0, end=len(sentence), event_date=None,
        date_precision=None, date_value=None, date_source=None, cameo_code=code, cameo_root=code[:2],
        plover=None, quad_class=None, goldstein=None, source_name=None, source_country=source[0],
        source_sector=source[1], target_name=None, target_country=target[0], target_sector=target[1],
        location=None, location_country=None, mode=mode,
    )


def record(category: str, source, target, text: str = "t", record_id: str = "r1") -> dict:
    return {"id": record_id, "event": category, "source": source, "target": target, "text": text}


IRAQ_GOV = {"actorText": "Iraqi officials", "code": "IRQ", "sector": "GOVXYZ"}
USA = {"actorText": "Washington", "code": "USA"}


def test_gold_record_fields():
    gold = PloverGold.from_record(record("DEMAND", [IRAQ_GOV, USA], [{"actorText": "Tokyo", "code": "JAP"}]))
    assert gold.source_countries == {"IRQ", "USA"}
    assert gold.source_sectors == {"GOV", None}
    assert gold.target_countries == {"JPN"}  # the gold file's CAMEO code for Japan
    for empty in ("", None, "diplomatic"):
        assert PloverGold.from_record(record("AGREE", [USA], empty)).target_countries == frozenset()


@pytest.mark.parametrize(
    ("category", "code", "expected"),
    [("AGREE", "057", True), ("SUPPORT", "057", True), ("AGREE", "036", True), ("AGREE", "051", False),
     ("DEMAND", "020", True), ("DEMAND", "1011", True), ("ASSAULT", "202", True), ("FIGHT", "190", True),
     ("ASSAULT", "190", False), ("RETREAT", "0874", True), ("UNKNOWN", "010", False)],
)
def test_categories_are_code_prefixes(category, code, expected):
    assert in_category(category, code) is expected


def test_pick_event_prefers_the_category_then_the_first():
    first, demand = event("010"), event("102")
    assert pick_event("DEMAND", [first, demand]) is demand
    assert pick_event("PROTEST", [first, demand]) is first
    assert pick_event("PROTEST", []) is None


def test_score_plover_exact():
    right = (PloverGold.from_record(record("DEMAND", [IRAQ_GOV], [USA], record_id="a")),
             [event("010"), event("102", ("IRQ", "GOV"), ("USA", None))])
    wrong_target = (PloverGold.from_record(record("REJECT", [USA], [IRAQ_GOV], record_id="b")),
                    [event("120", ("USA", None), ("IRN", None))])
    no_target = (PloverGold.from_record(record("PROTEST", [USA], "", record_id="c")),
                 [event("141", ("USA", None))])
    nothing = (PloverGold.from_record(record("FIGHT", [USA], "", record_id="d")), [])
    scores, errors = score_plover([right, wrong_target, no_target, nothing])
    assert (scores.records, scores.coded) == (4, 3)
    assert (scores.category, scores.source_country, scores.target_country) == (0.75, 0.75, 0.75)
    assert (scores.source_sector, scores.all_correct) == (0.75, 0.5)
    assert scores.by_category == {"DEMAND": (1, 1), "FIGHT": (0, 1), "PROTEST": (1, 1), "REJECT": (1, 1)}
    assert [(e.record_id, e.wrong) for e in errors] == [
        ("b", ("target_country",)), ("d", ("category", "source_country", "source_sector")),
    ]
    assert (errors[0].gold, errors[0].ours) == ("REJECT USA -> IRQ", "120 USA -> IRN")
    assert errors[1].ours == "(no event)"
    assert scores.to_dict()["by_category"]["DEMAND"] == [1, 1]


@pytest.mark.parametrize(
    ("code", "source", "sentence", "expected"),
    [
        ("173", "COP", "police arrested ten men", {"ARREST"}),
        ("173", "GOV", "officials detained ten men", set()),
        ("1731", "COP", "police held ten men", {"ARREST"}),
        ("175", "COP", "police beat the crowd", {"FORCE"}),
        ("172", "COP", "police imposed a curfew", set()),
        ("170", "COP", "police blocked sms services", set()),
        ("190", "COP", "police opened fire", {"FORCE"}),
        ("190", "COP", "two died in police firing", {"FORCE", "KILL"}),
        ("1823", "COP", "police beat a man to death", {"FORCE", "KILL"}),
        ("186", "COP", "police assassinated him", {"FORCE", "KILL"}),
        ("180", "COP", "police attacked, leaving three dead", {"FORCE"}),
        ("190", "MIL", "the army opened fire, killing two", set()),
    ],
)
def test_police_labels(code, source, sentence, expected):
    assert police_labels([event(code, (None, source), sentence=sentence)]) == expected


def test_only_reported_events_count():
    assert police_labels([event("173", (None, "COP"), mode="negated")]) == frozenset()
    assert police_labels([event("190", (None, "COP"), mode="hypothetical")]) == frozenset()
    assert police_labels([event("137", (None, "COP"), mode="intended")]) == frozenset()
    # Police labels count what happened: an intention stated (036, 13x) is reported, a deed
    # intended with its own code is not.
    assert reported(event("036", mode="intended")) and not reported(event("162", mode="intended"))
    # PLOVER counts intended events of any code: it codes 'announced it would prohibit all aid'
    # as SANCTION (with a mode we do not score); negated and hypothetical ones never count.
    assert pick_event("AGREE", [event("057", mode="negated"), event("036", mode="intended")]).cameo_code == "036"
    assert pick_event("SANCTION", [event("010"), event("162", mode="intended")]).cameo_code == "162"
    assert pick_event("ASSAULT", [event("190", mode="hypothetical"), event("010")]).cameo_code == "010"
    gold = PloverGold.from_record(record("SANCTION", [USA], [{"code": "ALB"}]))
    assert judge_plover(gold, [event("010", ("USA", None)), event("162", ("USA", None), ("ALB", None), mode="intended")])[0] == {
        "category": True, "source_country": True, "target_country": True, "source_sector": True}
    assert judge_plover(gold, [event("162", ("USA", None), ("ALB", None), mode="hypothetical")])[1] is None


def test_a_joint_action_is_the_dyad_between_its_parties():
    """PLOVER's 'A and B signed' (sources A|B, no target) is CAMEO's A -> B: the target counts."""
    joint = PloverGold.from_record(record("AGREE", [{"code": "LBY"}, {"code": "BGR"}], ""))
    verdict = lambda source, target: judge_plover(joint, [event("057", (source, None), (target, None))])[0]
    assert verdict("LBY", "BGR")["target_country"] is True
    assert verdict("LBY", None)["target_country"] is True
    assert verdict("LBY", "USA")["target_country"] is False  # a third country
    assert verdict("LBY", "LBY")["target_country"] is False  # not between the two
    alone = PloverGold.from_record(record("AGREE", [{"code": "LBY"}], ""))
    assert judge_plover(alone, [event("057", ("LBY", None), ("BGR", None))])[0]["target_country"] is False
    assert joint_action(joint, event("057", ("BGR", None), ("LBY", None)))


def test_score_police_exact():
    rows = [
        PoliceSentence(2, 0, "a", frozenset({"ARREST", "ANY_ACTION"}), frozenset({"ARREST"})),
        PoliceSentence(2, 1, "b", frozenset({"ARREST"}), frozenset()),
        PoliceSentence(4, 0, "c", frozenset(), frozenset({"ARREST", "FORCE"}), ("173 -/COP -> -/-",)),
        PoliceSentence(4, 1, "d", frozenset(), frozenset()),
    ]
    scores, errors = score_police(rows)
    assert scores.sentences == 4
    assert scores.labels["ARREST"] == LabelScore(1, 1, 1)
    assert (scores.labels["ARREST"].precision, scores.labels["ARREST"].recall, scores.labels["ARREST"].f1) == (
        0.5, 0.5, 0.5)
    assert scores.labels["FORCE"].to_dict() == {"tp": 0, "fp": 1, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert scores.labels["KILL"] == LabelScore(0, 0, 0)
    assert [(e.doc_id, e.sent_id, e.label, e.kind) for e in errors] == [
        (2, 1, "ARREST", "missed"), (4, 0, "ARREST", "spurious"), (4, 0, "FORCE", "spurious"),
    ]
    assert errors[1].codes == ("173 -/COP -> -/-",)
    assert scores.to_dict()["labels"]["ARREST"]["f1"] == 0.5


# ---------------------------------------------------------------- corpus floors

# What the coder reaches on the dev halves, minus a small margin (see the report of the change).
# Reached (only reported events count: asserted, or an intention CAMEO codes as stated, 03x/13x;
# negated and hypothetical events are kept with their mode; conditions open clauses without a
# comma, opposition groups and people 'in' a country are its, 'French paper workers', rejected
# plans, 'the arrested X', 'taken into custody', charges and blazes are no deeds, 170 is no
# force): category 0.747, source country 0.854, target country 0.715, source sector 0.747;
# ARREST F1 0.850, FORCE 0.710, KILL 0.690. Then (arrests after 'led to', 'made' over a
# parenthesis, participles after a noun, 'arrested and' as 173, none asked for, 'confined to'
# a place that is no jail, titles before initials, unrealized infinitives intended):
# PLOVER unchanged (0.759, 0.861, 0.810, 0.753); ARREST F1 0.895, FORCE 0.717, KILL 0.690.
# Then (mojibake read as spaces, agentless firing and any 175 by the police of the sentences just
# before, 'police bullets', a passive's agent only in its 'by' phrase, clashes between others and
# deeds suffered are nobody's, 'likely to' hypothetical, subjects of participles): PLOVER 0.766,
# 0.861, 0.817, 0.759; ARREST F1 0.895, FORCE 0.764, KILL 0.754.
PLOVER_FLOORS = {"category": 0.763, "source_country": 0.858, "target_country": 0.815, "source_sector": 0.755}
POLICE_FLOORS = {"ARREST": 0.89, "FORCE": 0.76, "KILL": 0.75}


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_plover_dev_floor():
    from flows.evaluate_events import evaluate_plover, format_plover_report

    scores, errors = evaluate_plover(CORPORA / "plover-gsr/dev.jsonl")
    print(format_plover_report(scores, errors))
    assert scores.records == 158
    for name, floor in PLOVER_FLOORS.items():
        assert getattr(scores, name) >= floor, name


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_india_police_dev_floor():
    from flows.evaluate_events import evaluate_police, format_police_report

    scores, errors = evaluate_police(CORPORA / "india-police-events")
    print(format_police_report(scores, errors))
    assert scores.sentences == 10426
    for label, floor in POLICE_FLOORS.items():
        assert scores.labels[label].f1 >= floor, label

"""Event scoring: PLOVER fields and police labels on literal records, then floors on the corpora."""

from pathlib import Path

import pytest

from dataclasses import replace
from datetime import date

from eventpipe.transforms.event_scoring import (
    LabelScore,
    NewsReport,
    PloverError,
    PloverGold,
    PoliceError,
    PoliceSentence,
    by_half,
    in_category,
    joint_action,
    judge_plover,
    news_criteria,
    pick_event,
    police_labels,
    reported,
    score_news,
    score_plover,
    score_police,
)
from eventpipe.transforms.events import Event
from eventpipe.transforms.splits import CHECK, TUNE, half

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = SHARED / "corpora"


def event(code: str, source=(None, None), target=(None, None), sentence: str = "", mode: str = "asserted",
          day: date | None = None, precision: str | None = None) -> Event:
    return Event(
        sentence_index=0, sentence=sentence, start=0, end=len(sentence), event_date=day,
        date_precision=precision, date_value=None, date_source=None, cameo_code=code, cameo_root=code[:2],
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


# ---------------------------------------------------------------- dated-news-dev

NEWS_TEXT = (
    "BANJUL — Talks were held in Banjul on Friday. Jammeh agreed to step down. "
    "Senegalese troops clashed with Gambian forces in 2016.\n\nProtesters marched in Banjul on Sunday. "
    "Shops stayed shut. The two will meet again on Wednesday."
)
TALKS = "BANJUL — Talks were held in Banjul on Friday."
STEP_DOWN = "Jammeh agreed to step down."
CLASH = "Senegalese troops clashed with Gambian forces in 2016."
MEET = "The two will meet again on Wednesday."
NEWS_RECORD = {
    "id": "gambia", "published": "2017-01-22", "source": "wire", "text": NEWS_TEXT,
    "gold": [
        {"note": "talks", "roots": ["04"], "dates": ["2017-01-20"], "precision": "day", "pair": ["GMB", "GIN"],
         "sentence": "BANJUL — Talks were held in Banjul on Fr"},
        {"note": "yields", "roots": ["08"], "dates": ["2017-01-20", "2017-01-21"], "precision": "day",
         "source": ["GMB"], "target": ["GIN", "IGO"], "sentence": "Jammeh agreed to step down."},
        {"note": "clash", "roots": ["19"], "dates": ["2016-01-01", "2016-12-31"], "precision": "year",
         "source": ["SEN"], "target": ["GMB"], "sentence": "Senegalese troops clashed with Gambian f"},
        {"note": "no clash today", "roots": ["19"], "dates": ["2017-01-22"], "source": ["SEN"], "target": ["GMB"],
         "mode": "negated", "sentence": "Senegalese troops clashed with Gambian f"},
        {"note": "march", "roots": ["14"], "dates": ["2017-01-22"], "precision": "day", "source": ["GMB"],
         "target": ["GMB"], "sentence": "Protesters marched in Banjul"},
        {"note": "next talks", "roots": ["04"], "dates": ["2017-01-25"], "precision": "month", "pair": ["GMB", "GIN"],
         "mode": "intended", "sentence": "The two will meet again on Wednesday."},
    ],
}
NEWS_EVENTS = [
    event("042", ("GIN", None), ("GMB", None), TALKS, day=date(2017, 1, 20), precision="day"),  # the pair reversed
    event("081", ("GMB", None), ("IGO", None), STEP_DOWN, day=date(2017, 1, 21), precision="time"),  # a time is its day
    event("190", ("SEN", None), ("GMB", None), CLASH, day=date(2016, 6, 1), precision="day"),  # not the year's precision
    event("120", ("SEN", None), ("GMB", None), CLASH, mode="negated", day=date(2016, 6, 1), precision="day"),
    event("193", ("USA", None), ("GMB", None), "American jets struck Gambia in 2016.", day=date(2016, 6, 1),
          precision="year"),  # the clash's root, date and precision, other actors
    event("190", ("SEN", None), ("GMB", None), CLASH, mode="negated", day=date(2017, 1, 22), precision="day"),
    event("040", ("GMB", None), ("GIN", None), MEET, day=date(2017, 1, 25), precision="day"),  # a plan asserted
]


def test_news_report_fields():
    report = NewsReport.from_record(NEWS_RECORD)
    assert (report.report_id, report.published, len(report.gold)) == ("gambia", date(2017, 1, 22), 6)
    talks, yields, clash, negated = report.gold[:4]
    assert (talks.pair, talks.sources, talks.targets, talks.mode) == (("GMB", "GIN"), frozenset(), frozenset(), "asserted")
    assert (yields.first, yields.last, yields.precision) == (date(2017, 1, 20), date(2017, 1, 21), "day")
    assert (negated.mode, negated.precision, negated.first, negated.last) == ("negated", None, date(2017, 1, 22), date(2017, 1, 22))


def test_news_criteria():
    talks, yields, clash = NewsReport.from_record(NEWS_RECORD).gold[:3]
    assert news_criteria(talks, NEWS_EVENTS[0]) == {"root": True, "actors": True, "date": True, "precision": True}
    assert news_criteria(talks, event("042", ("GIN", None), ("USA", None), day=date(2017, 1, 19), precision="week")) == {
        "root": True, "actors": False, "date": False, "precision": False}
    assert news_criteria(yields, NEWS_EVENTS[1])["precision"] is True  # 'time' is read as the day
    assert news_criteria(yields, event("081", ("GMB", None), (None, None)))["actors"] is False  # no target
    assert news_criteria(yields, event("081", ("GMB", None), ("IGO", None)))["date"] is False  # undated
    week = NewsReport.from_record({**NEWS_RECORD, "gold": [
        {"roots": ["11"], "dates": ["2019-01-07", "2019-01-13"], "precision": "month", "source": ["CHN"], "target": ["CAN"]}]})
    assert news_criteria(week.gold[0], event("111", ("CHN", None), ("CAN", None), day=date(2019, 1, 7), precision="week")) == {
        "root": True, "actors": True, "date": True, "precision": True}  # the corpus writes a week as month
    # ... and a weekend as two days at day precision ('at the weekend': 2011-02-05..06, day)
    weekend = NewsReport.from_record({**NEWS_RECORD, "gold": [
        {"roots": ["02"], "dates": ["2011-02-05", "2011-02-06"], "precision": "day", "source": ["KHM"], "target": ["UNO"]}]})
    saturday = replace(event("028", ("KHM", None), ("UNO", None), day=date(2011, 2, 5), precision="week"), date_value="2011-W05-WE")
    assert news_criteria(weekend.gold[0], saturday)["precision"] is True
    assert news_criteria(weekend.gold[0], replace(saturday, date_value="2011-W05"))["precision"] is False  # a week is not
    assert news_criteria(clash, NEWS_EVENTS[2]) == {"root": True, "actors": True, "date": True, "precision": False}


def test_score_news_exact():
    scores, errors = score_news([(NewsReport.from_record(NEWS_RECORD), NEWS_EVENTS)])
    assert (scores.reports, scores.coded_asserted) == (1, 5)
    assert (scores.asserted, scores.found, scores.found_ignoring_date, scores.found_ignoring_actors) == (4, 2, 3, 3)
    assert (scores.not_asserted, scores.wrongly_asserted) == (2, 1)
    assert (scores.found_share, scores.found_ignoring_date_share, scores.wrongly_asserted_share) == (0.5, 0.75, 0.5)
    assert scores.to_dict()["found_ignoring_actors_share"] == 0.75
    assert [(e.kind, e.note, e.half) for e in errors] == [
        ("missed", "clash", half("gambia")), ("missed", "march", half("gambia")), ("asserted", "next talks", half("gambia"))]
    clash, march, plan = errors
    assert clash.gold == "19 SEN -> GMB 2016-01-01..2016-12-31 year asserted"
    assert clash.sentence == CLASH
    # Events of the gold's sentence only, the one meeting most criteria first.
    assert clash.closest == (
        "190 SEN -> GMB 2016-06-01 day asserted (wrong: precision)",
        "120 SEN -> GMB 2016-06-01 day negated (wrong: root, precision)",
        "190 SEN -> GMB 2017-01-22 day negated (wrong: date, precision)",
    )
    assert score_news([(NewsReport.from_record(NEWS_RECORD), NEWS_EVENTS)], closest=1)[1][0].closest == clash.closest[:1]
    # No event in the sentence: the sentence is read from the text, to its full stop.
    assert (march.sentence, march.closest) == ("Protesters marched in Banjul on Sunday.", ())
    assert plan.gold == "04 GMB<->GIN 2017-01-25 month intended"
    assert plan.closest == ("040 GMB -> GIN 2017-01-25 day asserted (wrong: precision)",)


def test_a_coder_without_events_finds_nothing_and_asserts_nothing():
    scores, errors = score_news([(NewsReport.from_record(NEWS_RECORD), [])])
    assert (scores.found, scores.found_ignoring_date, scores.wrongly_asserted, scores.asserted) == (0, 0, 0, 4)
    assert [e.kind for e in errors] == ["missed"] * 4
    empty, _ = score_news([])
    assert (empty.found_share, empty.wrongly_asserted_share) == (0.0, 0.0)


# ---------------------------------------------------------------- halves


def test_by_half_scores_each_half_and_all_from_one_list():
    keys = [str(n) for n in range(20)]
    tune = [k for k in keys if half(k) == TUNE][:2]
    check = [k for k in keys if half(k) == CHECK][:1]
    rows = [
        PoliceSentence(int(tune[0]), 0, "a", frozenset({"ARREST"}), frozenset({"ARREST"})),
        PoliceSentence(int(check[0]), 0, "b", frozenset({"ARREST"}), frozenset()),
        PoliceSentence(int(tune[1]), 0, "c", frozenset(), frozenset({"FORCE"})),
    ]
    scores, errors = by_half(rows, lambda row: str(row.doc_id), score_police)
    assert (scores.tune.sentences, scores.check.sentences, scores.all.sentences) == (2, 1, 3)
    assert scores.tune.labels["ARREST"] == LabelScore(1, 0, 0)
    assert scores.check.labels["ARREST"] == LabelScore(0, 0, 1)
    assert scores.all.labels["ARREST"] == LabelScore(1, 0, 1)
    assert [(e.doc_id, e.half) for e in errors] == [(int(check[0]), CHECK), (int(tune[1]), TUNE)]
    report = scores.to_dict()
    assert report["sentences"] == 3 and report["labels"]["ARREST"]["fn"] == 1  # all records at the top, as before
    assert report["halves"]["tune"]["sentences"] == 2 and report["halves"]["check"]["labels"]["ARREST"]["fn"] == 1


def test_errors_know_their_half():
    assert PloverError("PLOVER-GSR01-AGREE-0002", "t", (), "", "").half == half("PLOVER-GSR01-AGREE-0002")
    assert PoliceError(1042, 0, "ARREST", "missed", "t", ()).half == half("1042")


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
# The floors hold on all records; the halves (tuning / check) then measured: PLOVER 0.818 / 0.716,
# 0.896 / 0.827, 0.857 / 0.778, 0.753 / 0.765; ARREST F1 0.910 / 0.873, FORCE 0.692 / 0.857,
# KILL 0.629 / 0.923.
# The rule coder's (transforms/events.py), as above.
PLOVER_FLOORS = {"rules": {"category": 0.763, "source_country": 0.858, "target_country": 0.815, "source_sector": 0.755}}
POLICE_FLOORS = {"rules": {"ARREST": 0.89, "FORCE": 0.76, "KILL": 0.75}}
# dated-news-dev, the rule coder of 2026-11-29: 30 of 177 asserted gold events found (0.169; tuning
# half 16 of 84, check half 14 of 93), 2 of 45 non-asserted ones asserted (0.044).
NEWS_FOUND_FLOOR = {"rules": 0.16}
NEWS_WRONGLY_ASSERTED_CEILING = {"rules": 0.07}
# The tree coder's (transforms/coding/) of 2026-12-06, all records (tune / check in the README):
# PLOVER 0.753 / 0.810 / 0.671 / 0.741; ARREST F1 0.842, FORCE 0.703, KILL 0.655; dated-news 66 of
# 177 found (0.373), 5 of 45 non-asserted ones asserted (0.111).
PLOVER_FLOORS["tree"] = {"category": 0.745, "source_country": 0.80, "target_country": 0.66, "source_sector": 0.73}
POLICE_FLOORS["tree"] = {"ARREST": 0.83, "FORCE": 0.69, "KILL": 0.64}
NEWS_FOUND_FLOOR["tree"] = 0.36
NEWS_WRONGLY_ASSERTED_CEILING["tree"] = 0.12
CODERS = ("rules", "tree")


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
@pytest.mark.parametrize("coder", CODERS)
def test_plover_dev_floor(coder):
    from eventpipe.flows.evaluate_events import evaluate_plover, format_plover_report

    scores, errors = evaluate_plover(CORPORA / "plover-gsr/dev.jsonl", coder)
    print(format_plover_report(scores, errors))
    assert (scores.all.records, scores.tune.records + scores.check.records) == (158, 158)
    for name, floor in PLOVER_FLOORS[coder].items():
        assert getattr(scores.all, name) >= floor, name


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
@pytest.mark.parametrize("coder", CODERS)
def test_india_police_dev_floor(coder):
    from eventpipe.flows.evaluate_events import evaluate_police, format_police_report

    scores, errors = evaluate_police(CORPORA / "india-police-events", coder)
    print(format_police_report(scores, errors))
    assert (scores.all.sentences, scores.tune.sentences + scores.check.sentences) == (10426, 10426)
    for label, floor in POLICE_FLOORS[coder].items():
        assert scores.all.labels[label].f1 >= floor, label


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
@pytest.mark.parametrize("coder", CODERS)
def test_dated_news_dev_floor(coder):
    from eventpipe.flows.evaluate_events import evaluate_news, format_news_report

    scores, errors = evaluate_news(CORPORA / "dated-news-dev/articles.jsonl", coder)
    print(format_news_report(scores, errors))
    # The corpus's own counts (its README): 40 reports, 177 asserted gold events, 45 that must not be.
    assert (scores.all.reports, scores.all.asserted, scores.all.not_asserted) == (40, 177, 45)
    assert scores.tune.asserted + scores.check.asserted == 177
    assert scores.all.found_share >= NEWS_FOUND_FLOOR[coder]
    assert scores.all.wrongly_asserted_share <= NEWS_WRONGLY_ASSERTED_CEILING[coder]
    assert len([e for e in errors if e.kind == "missed"]) == scores.all.asserted - scores.all.found

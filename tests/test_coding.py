"""The tree coder (transforms/coding/): roles, mode and dates read off a real dependency parse.

Each case is a sentence with the event a careful coder gives it; the parse is spaCy's
en_core_web_sm 3.8.0, installed by `make install` (requirements/parser.txt)."""

from __future__ import annotations

from datetime import date

import pytest

from eventpipe.transforms.coding.coder import code_text, dateline
from eventpipe.transforms.coding.parse import INSTALL, ParserMissing, parser

PUBLISHED = date(2021, 10, 14)  # a Thursday


def _events(text: str):
    return [
        (e.cameo_code, e.source_country, e.target_country, e.event_date and e.event_date.isoformat(),
         e.date_source, e.mode)
        for e in code_text(text, PUBLISHED)
    ]


@pytest.mark.parametrize("text, expected", [
    # subject and object; the date attached to the verb
    ("Russia attacked Ukraine on Tuesday.", [("190", "RUS", "UKR", "2021-10-12", "text", "asserted")]),
    # a passive's 'by' agent is the source, its subject the target (of the story's country)
    ("Three protesters were arrested by French police on Monday.",
     [("173", "FRA", "FRA", "2021-10-11", "text", "asserted")]),
    # mode from the tree: negation, possibility, the future (coded as the intent to meet)
    ("Hungary did not sign the agreement with Romania.",
     [("057", "HUN", "ROU", "2021-10-14", "published", "negated")]),
    ("Turkey may attack Syria.", [("190", "TUR", "SYR", "2021-10-14", "published", "hypothetical")]),
    # an international body takes its own CAMEO code
    ("The U.N. Security Council condemned Russia on Friday.",
     [("111", "UNO", "RUS", "2021-10-08", "text", "asserted")]),
    # the reported deed is the event, dated by its own date, not the saying's
    ("Israel said on Monday that Hamas attacked Israel on Sunday.",
     [("190", "PSE", "ISR", "2021-10-10", "text", "asserted")]),
    # a relative pronoun stands for its antecedent; a deed the text puts before publication is not
    # dated by it
    ("Japan, which had criticized China, met with China.",
     [("111", "JPN", "CHN", None, "earlier", "asserted"),
      ("040", "JPN", "CHN", "2021-10-14", "published", "asserted")]),
    ("Police had previously arrested 17 suspects in Jammu.", [("173", "IND", "IND", None, "earlier", "asserted")]),
    # ... but reported speech shifts tenses back: that is no earlier date
    ("Police in Jammu had arrested 17 suspects, he said.", [("173", "IND", "IND", "2021-10-14", "published", "asserted")]),
    # the one urged is the target; the deed urged is not reported as done
    ("The United States urged Russia to withdraw its troops.",
     [("020", "USA", "RUS", "2021-10-14", "published", "asserted")]),
    # a country's name inside a person's name is no country
    ("Michael Jordan criticized Germany.", []),
    # an agreement 'signed between' two parties is theirs, one to the other, dated by its clause
    ("Cooperation emerged in 1992, with an agreement signed between the Azerbaijani and Turkish governments.",
     [("057", "AZE", "TUR", "1992-01-01", "text", "asserted")]),
    # the dateline's city is no actor, and its country places the agents of the story
    ("BANJUL — Troops arrested the opposition leader.", [("173", "GMB", "GMB", "2021-10-14", "published", "asserted")]),
])
def test_the_tree_coder_reads_roles_mode_and_dates_off_the_parse(text, expected):
    assert _events(text) == expected


def test_datelines_name_their_country():
    assert dateline("GOMA, Congo — Shops reopened.") == (len("GOMA, Congo — "), "COD")
    assert dateline("MARIKANA, South Africa (Reuters) - Police fired.")[1] == "ZAF"
    assert dateline("Russia attacked Ukraine.") == (0, None)


def test_a_religion_is_a_sector_not_a_country():
    from eventpipe.transforms.coding.actors import RELIGIONS, place_actors
    from eventpipe.transforms.coding.parse import parse

    [doc] = parse(["The Vishwa Hindu Parishad protested in Ahmedabad."])
    assert all(node.actor.country not in RELIGIONS for node in place_actors(doc, None, None))


def test_the_parser_loads_once_and_says_how_to_install_it_when_missing():
    assert parser() is parser()
    assert "requirements/parser.txt" in INSTALL and issubclass(ParserMissing, RuntimeError)


def test_openblas_on_one_thread_parses_as_blis_does():
    import spacy
    from thinc.api import use_ops

    from eventpipe.transforms.coding.parse import MODEL, _one_blas_thread, parse

    if not _one_blas_thread():
        pytest.skip("numpy's BLAS here is not an OpenBLAS: the parser keeps blis")
    assert not parser().get_pipe("tok2vec").model.ops.use_blis
    with use_ops("numpy", use_blis=True):
        blis = spacy.load(MODEL, exclude=["ner", "attribute_ruler", "lemmatizer"])
    texts = ["The rebels shelled the town on Tuesday, and the army said it would answer.",
             "Ministers of both countries met in Geneva and agreed to resume the talks they broke off in May."]
    trees = [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in parse(texts)]
    assert trees == [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in blis.pipe(texts)]


def test_the_tree_coder_keeps_the_seed_articles_dates(shared):
    text = (shared / "samples" / "000_3e6b6788e33e2d8c.txt").read_text(encoding="utf-8")
    events = code_text(text, date(2021, 10, 14))
    dated = {(e.cameo_code, e.source_country, e.target_country, e.date_value) for e in events if e.date_source == "text"}
    # the June 15 memorandum, the 1992 agreement, the September 27 interview
    assert {("057", "AZE", "TUR", "2021-06-15"), ("057", "AZE", "TUR", "1992")} <= dated
    assert any(value == "2021-09-27" for *_, value in dated)

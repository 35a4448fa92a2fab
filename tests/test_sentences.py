from hypothesis import given, strategies as st

from eventpipe.transforms.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_titles_and_initials_do_not_end_sentences():
    assert texts("Gen. Smith met Mr. J. Jones in the U.S. capital. They talked.") == [
        "Gen. Smith met Mr. J. Jones in the U.S. capital.",
        "They talked.",
    ]


def test_company_abbreviation_ends_a_sentence_before_a_capital():
    assert texts("He works at Apple Inc. The firm said so.") == ["He works at Apple Inc.", "The firm said so."]


def test_quotes_and_blank_lines():
    assert texts('He said "no." Then he left.\n\nNew paragraph without a stop\n\nLast one') == [
        'He said "no."',
        "Then he left.",
        "New paragraph without a stop",
        "Last one",
    ]


def test_lower_cased_text_is_split_too():
    assert texts("the talks ended at 5 p.m. on friday. officials left. apple inc. said no.") == [
        "the talks ended at 5 p.m. on friday.",
        "officials left.",
        "apple inc. said no.",
    ]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"'ABC")), max_size=200))
def test_offsets_slice_the_text_and_indexes_count_up(text):
    sentences = split_sentences(text)
    assert [sentence.index for sentence in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))

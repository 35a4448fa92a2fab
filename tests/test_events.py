"""Event coding: action families, roles, dates, locations, and the seed article."""

from datetime import date
from pathlib import Path

import pytest

from eventpipe.transforms.events import Event, code_events
from eventpipe.transforms.sentences import split_sentences

from eventpipe.transforms.timexes import Timex


PUBLISHED = date(2021, 10, 14)
SEED = Path(__file__).parents[2] / "shared/samples/000_3e6b6788e33e2d8c.txt"


def timex(text: str, written: str, value: str, precision: str, type_: str = "DATE") -> Timex:
    start = text.index(written)
    return Timex(start, start + len(written), written, type_, value, precision)


def code(text: str, timexes=(), published: date | None = PUBLISHED) -> list[Event]:
    return code_events(text, split_sentences(text), list(timexes), published)


def row(event: Event) -> tuple:
    return (event.cameo_code, event.source_country, event.source_sector,
            event.target_country, event.target_sector)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey and Azerbaijan signed a memorandum.", ("057", "TUR", None, "AZE", None)),
        # The men arrested are of the police's country: CAMEO codes an actor of no other country as domestic.
        ("Iraqi police arrested two men.", ("173", "IRQ", "COP", "IRQ", "CVL")),
        ("Russian troops attacked Ukrainian positions.", ("190", "RUS", "MIL", "UKR", None)),
        ("Israel accused Iran of backing militants.", ("112", "ISR", None, "IRN", None)),
        ("China threatened Taiwan with military action.", ("130", "CHN", None, "TWN", None)),
        ("The United Nations called on Syria to act.", ("020", "UNO", None, "SYR", None)),
        ("Turkish President Recep Tayyip Erdogan met Russian officials.", ("040", "TUR", "GOV", "RUS", "GOV")),
        ("Azerbaijan and Turkey periodically hold joint drills.", ("062", "AZE", None, "TUR", None)),
        ("The French minister paid an official visit to Japan.", ("042", "FRA", "GOV", "JPN", None)),
    ],
)
def test_action_families(text, expected):
    events = code(text)
    assert [row(e) for e in events] == [expected]
    assert events[0].cameo_root == expected[0][:2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("five men were arrested on sunday.", ("173", None, "COP", None, "CVL")),
        ("the police arrested two persons on sunday.", ("173", None, "COP", None, "CVL")),
        ("the 51 people arrested for the violence were charged.", ("173", None, "COP", None, "CVL")),
        ("the police lathi-charged the crowd.", ("175", None, "COP", None, None)),
        ("police burst teargas shells to disperse the mob.", ("175", None, "COP", None, "CVL")),
        ("Israel will not meet Syria.", ("125", "ISR", None, "SYR", None)),
    ],
)
def test_deeds_moods_and_implied_agents(text, expected):
    assert [row(e) for e in code(text)] == [expected]


# The reported deed first, then the saying: its speaker, no target unless told ('told Iran').
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("police said the arrest of three men followed the raid.",
         [("173", None, "COP", None, "CVL"), ("010", None, "COP", None, None)]),
        ("Hungary said it will support Turkey.", [("032", "HUN", None, "TUR", None), ("010", "HUN", None, None, None)]),
        # a blockade (191) meant is a threat of force (138, whose 1381 is 'threaten blockade')
        ("France would blockade Germany, officials said.",
         [("138", "FRA", None, "DEU", None), ("010", None, "GOV", None, None)]),
        # The speaker demands it of the one who must (CAMEO 100), not the other way round.
        ("Britain said Libya must release the suspects.",
         [("100", "GBR", None, "LBY", None), ("010", "GBR", None, None, None)]),
        ("Israel said Hamas attacked Egyptian troops.",
         [("190", "PSE", "REB", "EGY", "MIL"), ("010", "ISR", None, None, None)]),
        ("Iraq told Iran that it would attack Kuwait.",
         [("138", "IRQ", None, "KWT", None), ("010", "IRQ", None, "IRN", None)]),
    ],
)
def test_said_clauses_code_the_statement_and_the_deed(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("police fired tear gas and arrested 20 protesters.",
         [("175", None, "COP", None, "OPP"), ("173", None, "COP", None, "OPP")]),
        ("Police arrested 20 men and seized weapons.", [("173", None, "COP", None, "CVL"), ("1711", None, "COP", None, None)]),
        ("Police arrested 20 protesters and then released them.",
         [("173", None, "COP", None, "OPP"), ("084", None, "COP", None, None)]),
    ],
)
def test_coordinated_verbs_are_several_events(text, expected):
    assert [row(e) for e in code(text)] == expected


def test_participles_and_nouns_add_no_event():
    assert [e.cameo_code for e in code("Turkish and Russian generals discussed cooperation at a meeting held in Baku.")] == ["040"]
    assert [e.cameo_code for e in code("Turkey signed an agreement on arms and deals with Russia.")] == ["057"]


def test_each_event_takes_the_date_of_its_own_verb():
    text = "Israel said on Monday that Hamas attacked Egyptian troops on Sunday."
    events = code(text, [timex(text, "Monday", "2021-10-11", "day"), timex(text, "Sunday", "2021-10-10", "day")])
    assert [(e.cameo_code, e.date_value) for e in events] == [("190", "2021-10-10"), ("010", "2021-10-11")]
    text = "Police fired tear gas and arrested 20 protesters on Sunday, officials said."
    events = code(text, [timex(text, "Sunday", "2021-10-10", "day")])
    assert [(e.cameo_code, e.date_source) for e in events] == [
        ("175", "published"), ("173", "text"), ("010", "published")]


def test_no_implied_arrest_without_one():
    assert [e.cameo_code for e in code("the leaders should be arrested, he said.")] == []
    assert [e.cameo_code for e in code("makeshift jails have been set up near the city.")] == []
    assert [e.cameo_code for e in code("police said no arrests have been made.")] == ["010"]


def test_nouns_that_look_like_verbs_are_not_verbs():
    (event,) = code("so far, 150 people had been arrested after the godhra train carnage.")
    assert (event.cameo_code, event.source_sector) == ("173", "COP")


def test_code_facts_come_from_the_tables():
    (event,) = code("Turkey and Azerbaijan signed a memorandum.")
    assert (event.plover, event.quad_class, event.goldstein) == ("SUPPORT", 1, 8.0)
    (attack,) = code("Russian troops attacked Ukrainian positions.")
    assert (attack.cameo_root, attack.quad_class) == ("19", 4)


def test_passive_by_agent_is_the_source():
    (event,) = code("Three protesters were arrested by police in Baku.")
    assert (event.source_sector, event.target_sector) == ("COP", "OPP")
    assert (event.location, event.location_country) == ("Baku", "AZE")


def test_discussing_is_consulting_not_intent():
    (event,) = code("Turkish and Russian generals have discussed military cooperation.")
    assert row(event) == ("040", "TUR", "MIL", "RUS", "MIL")
    (intent,) = code("Turkey will discuss military cooperation with Russia.")
    assert intent.cameo_code == "0312"


def test_date_from_the_text_nearest_the_verb():
    text = "On June 15, Turkey and Azerbaijan signed a memorandum."
    (event,) = code(text, [timex(text, "June 15", "2021-06-15", "day")])
    assert (event.event_date, event.date_precision, event.date_value, event.date_source) == (
        date(2021, 6, 15), "day", "2021-06-15", "text")


def test_duration_falls_back_to_published():
    text = "Turkey and Azerbaijan signed a memorandum eight months after the war."
    (event,) = code(text, [timex(text, "eight months", "P8M", "duration", "DURATION")])
    assert (event.event_date, event.date_precision, event.date_value, event.date_source) == (
        PUBLISHED, "day", "2021-10-14", "published")
    (undated,) = code(text, published=None)
    assert (undated.event_date, undated.date_precision, undated.date_source) == (None, None, None)


def test_sentence_without_actors_gives_no_event():
    assert code("It rained all day and the roads were closed.") == []


def test_pair_phrase_resolves_to_the_main_countries():
    text = ("Azerbaijan and Turkey met. Azerbaijan hosted Turkey. "
            "On June 15, the two countries signed a memorandum.")
    events = code(text, [timex(text, "June 15", "2021-06-15", "day")])
    last = events[-1]
    assert (last.cameo_code, last.source_country, last.target_country) == ("057", "AZE", "TUR")
    assert last.source_name == "the two countries"
    assert last.event_date == date(2021, 6, 15)


def test_offsets_are_the_sentences():
    text = "Hello there. Turkey and Azerbaijan signed a memorandum."
    (event,) = code(text)
    assert text[event.start : event.end] == event.sentence
    assert event.sentence_index == 1


def test_seed_article():
    if not SEED.exists():
        pytest.skip("seed article not present")
    text = SEED.read_text()
    stamps = [("October 14", "2021-10-14", "day"), ("June 15", "2021-06-15", "day"),
              ("1992", "1992", "year"), ("September 27", "2021-09-27", "day")]
    timexes = [timex(text, w, v, p) for w, v, p in stamps]
    timexes.append(timex(text, "eight months", "P8M", "duration", "DURATION"))
    events = {}  # each sentence's first (best-ranked) event
    for e in code(text, timexes):
        events.setdefault(e.sentence.split()[0] + " " + e.sentence.split()[1], e)

    def pair(e):
        return {(e.source_country, e.source_sector), (e.target_country, e.target_sector)}

    signed = events["On June"]
    assert (signed.cameo_code, signed.event_date, signed.date_precision) == ("057", date(2021, 6, 15), "day")
    assert {signed.source_country, signed.target_country} == {"AZE", "TUR"}
    emerged = events["Military cooperation"]
    assert (emerged.cameo_code, emerged.event_date, emerged.date_precision) == ("057", date(1992, 1, 1), "year")
    assert pair(emerged) == {("AZE", "GOV"), ("TUR", "GOV")}
    discussed = events["Azerbaijan’s and"]
    assert discussed.cameo_root == "04" and pair(discussed) == {("AZE", "MIL"), ("TUR", "MIL")}
    assert discussed.location_country == "TUR"
    met = events["Azerbaijani Land"]
    assert (met.cameo_root, met.source_country, met.target_country) == ("04", "AZE", "TUR")
    assert (met.source_sector, met.target_sector) == ("MIL", "MIL")
    visit = events["It should"]
    assert (visit.cameo_code, visit.source_country, visit.target_country) == ("042", "AZE", "TUR")
    assert (visit.location, visit.location_country) == ("Istanbul", "TUR")
    drills = events["Azerbaijan and"]
    assert (drills.cameo_code, drills.source_country, drills.target_country) == ("062", "AZE", "TUR")
    shusha = events["The Shusha"]
    assert shusha.cameo_code == "057" and pair(shusha) == {("AZE", "GOV"), ("TUR", "GOV")}
    assert (shusha.event_date, shusha.date_source) == (PUBLISHED, "published")
    said = events["In an"]
    assert (said.cameo_code, said.source_country, said.source_sector) == ("010", "AZE", "GOV")
    assert (said.event_date, said.date_source) == (date(2021, 9, 27), "text")


def test_seed_article_with_the_timex_tagger():
    from eventpipe.transforms.timexes import tag_timexes

    if not SEED.exists():
        pytest.skip("seed article not present")
    text = SEED.read_text()
    events = code(text, tag_timexes(text, PUBLISHED))
    dated = {(e.cameo_code, e.event_date, e.date_precision) for e in events}
    assert ("057", date(2021, 6, 15), "day") in dated
    assert ("057", date(1992, 1, 1), "year") in dated
    assert ("010", date(2021, 9, 27), "day") in dated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Agentless police firing, when the sentence names the police.
        ("one person was injured in the firing, police said.",
         [("190", None, "COP", None, None), ("010", None, "COP", None, None)]),
        # An infinitive of a deed done.
        ("police had to fire six rounds to disperse the mob.", [("190", None, "COP", None, "CVL")]),
        # Arrests told by nouns and participles.
        ("the arrested ram sevaks were sent to jail.", [("173", None, "COP", None, None)]),
        ("more than 400 arrests have been made in the city.", [("173", None, "COP", None, None)]),
        ("eighty-one kar sevaks were arrested by the railway police while they were boarding the train.",
         [("173", None, "COP", None, None)]),
        # A police station is a place, not the police: no force by them.
        ("ten people were shot dead near the naubatpur police station.", []),
    ],
)
def test_police_reports(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'to' before a determiner is a preposition: the arrest happened.
        ("it led to the arrest of omar sheikh, the main accused in the murder.", [("173", None, "COP", None, None)]),
        # 'made' (or 'taken') further on, over a parenthesis; a noun after 'and'.
        ("more than 10,000 arrests, including preventive ones, have been made till now.",
         [("173", None, "COP", None, None)]),
        ("necessary action and arrests in all major incidents have been taken.", [("173", None, "COP", None, None)]),
        ("he said there were instances of detection of explosives and arrest of terrorists.",
         [("173", None, "COP", None, "UAF")]),
        # A participle after a noun that is no actor, before a preposition: those arrested.
        ("the others arrested in connection with the carnage include two traders.", [("173", None, "COP", None, None)]),
        ("he feels that people similarly arrested under poto will never be able to claim compensation.",
         [("173", None, "COP", None, None)]),
        ("In October, Turkey released a US pastor detained for two years on terror charges.",
         [("084", "TUR", None, "USA", None), ("173", None, "COP", "USA", None)]),
        # The dictionary's ARREST_AND is an arrest (173), not a seizure of property (171).
        ("police arrested and booked five men.", [("173", None, "COP", None, "CVL")]),
        # An arrest asked for is not made.
        ("some of them have called for a ban on the vhp and arrest of its leaders.", []),
        # Held by someone named is not held by the police; held at a police station is.
        ("about 22,000 students are held at ransom by the district administration.", []),
        ("50 students were held at the police station.", [("173", None, "COP", None, "EDU")]),
        # Confined to a place that is no jail; to a jail or a police station.
        ("others have been confined to pockets of the city.", []),
        ("five activists were confined to the district jail.", [("173", None, "COP", None, "OPP")]),
        ("their supporters were sent to nearby police stations.", [("173", None, "COP", None, None)]),
        # A participle qualifying a government: nobody was held.
        ("the indicted government had rubbished the charges.", []),
    ],
)
def test_arrests_told_and_not(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The best-ranked verb is an infinitive nothing says was done: aimed at (intended).
        ("The government faces difficulty in finding a legal way to prosecute suspected fighters.",
         [("173", None, "GOV", None, "UAF", "intended")]),
        # 'no choice but to fire': done.
        ("the mob attacked the police, leaving us with no choice but to fire.",
         [("190", None, "CVL", None, "COP", "asserted"), ("190", None, "COP", None, None, "asserted")]),
    ],
)
def test_infinitives_aimed_at_and_done(text, expected):
    assert [row(e) + (e.mode,) for e in code(text)] == expected


def test_police_firing_told_by_a_commissioner_named_with_initials():
    text = "police commissioner v k gupta said 10 persons sustained injuries in the firing."
    assert [row(e) for e in code(text)] == [("190", None, "COP", None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of thousands of people blocked streets in Hong Kong.", ("144", "HKG", "CVL")),
        ("Algerian landowners began a hunger strike outside Parliament.", ("142", "DZA", "CVL")),
        ("Bosnia and Slovenia agreed to a ceasefire.", ("0356", "BIH", None)),
        ("Israel agreed to US mediation in the talks.", ("030", "ISR", None)),
    ],
)
def test_verb_gaps(text, expected):
    (event, *_) = code(text)
    assert (event.cameo_code, event.source_country, event.source_sector) == expected


def test_a_statement_keeps_a_target_written_before_the_verb():
    interview = "In an interview with Turkey's Anadolu Agency on September 27, President Ilham Aliyev said that ties grew."
    [event] = code(interview, [timex(interview, "September 27", "2021-09-27", "day")])
    assert (event.cameo_code, event.source_country, event.source_sector) == ("010", "AZE", "GOV")
    assert (event.target_country, event.target_sector, event.event_date) == ("TUR", "MED", date(2021, 9, 27))
    pair = "Azerbaijan and Turkey met. The sides also highlighted the importance of joint exercises."
    sides = [e for e in code(pair) if e.sentence_index == 1]
    assert [(e.cameo_code, e.source_country, e.target_country) for e in sides] == [("010", "AZE", "TUR")]


def test_the_officials_after_a_sentence_about_both_sides_are_both_sides():
    text = (
        "Azerbaijani commanders met Turkish commanders in Ankara. "
        "The military officials discussed cooperation in the military. "
        "Officials met again later."
    )
    second = [e for e in code(text) if e.sentence_index == 1]
    assert [(e.cameo_code, e.source_country, e.source_sector, e.target_country) for e in second] == [("040", "AZE", "MIL", "TUR")]
    alone = [e for e in code("The military officials discussed cooperation.")]
    assert [(e.source_country, e.target_country) for e in alone] == [(None, None)]


def test_fighting_fires_is_no_fight():
    assert [e.cameo_code for e in code("Chilean crews are fighting forest fires in Bolivia.")] == []
    assert [e.cameo_code for e in code("Rebels fought government troops near Goma.")] == ["190"]


def test_an_arrest_that_another_deed_takes_as_object_is_not_a_second_event():
    text = "Amnesty International condemned the arrests and urged the Nigerian government to release them."
    assert [e.cameo_code[:2] for e in code(text)] == ["11"]
    assert ("173", "COP") in [(e.cameo_code, e.source_sector) for e in code("The arrest of five men sparked protests.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An actor of no other country is domestic: the judge's country (CAMEO convention).
        ("An Argentine judge has ordered former president Carlos Menem to appear.",
         [("100", "ARG", "JUD", "ARG", "ELI")]),
        # 'of PLACE' gives the agent its country; the target takes the place of the event.
        # ... and the forces it mobilizes are its means, not its target (test_targets_of_undirected_deeds).
        ("The government of Sindh province has ordered patrols by police.", [("152", "PAK", "GOV", None, None)]),
        ("Vietnamese-led forces attacked guerrillas in Cambodia.", [("190", "VNM", "MIL", "KHM", "REB")]),
        # A spokesman speaks for his department, which is government, not media; the deed he
        # reports comes first (sending arms continued: military aid, 072).
        ("The United States continued to send arms to Pakistan, a State Department spokesman said.",
         [("072", "USA", None, "PAK", None), ("010", "USA", "GOV", None, None)]),
        # A place after 'in' is never the one who acts; the police of the place arrest its people.
        ("the city police arrested five men in godhra.", [("173", "IND", "COP", "IND", "CVL")]),
        ("violence broke out in godhra, police said.", [("010", "IND", "COP", None, None)]),
        # People arrested after a party's name are arrested, not arresting.
        # The police of the only country the text names (bjp: India), by the article-main-country rule.
        ("over 250 bjp and vhp activists were arrested.", [("173", "IND", "COP", "HIN", "RAD")]),
        ("the policemen who on sunday killed a man were suspended.", [("190", None, "COP", None, None)]),
    ],
)
def test_actor_countries_in_events(text, expected):
    assert [row(e) for e in code(text)] == expected


# Refusing or denying a cooperative deed rejects it (CAMEO 12x names the rejected deed); a denied
# act of force is no event.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan has refused to deploy peacekeepers in Iraq.", [("120", "PAK", None, "IRQ", None)]),
        ("Israeli President Moshe Katsav has refused to meet King Abdullah of Jordan.",
         [("125", "ISR", "ELI", "JOR", "GOV")]),
        # An indefinite apposition describes the subject; it does not replace it.
        ("Pakistan, a key U.S. ally, has refused to deploy peacekeepers in Iraq.", [("120", "PAK", None, "IRQ", None)]),
    ],
)
def test_refusals_and_denials_are_rejections(text, expected):
    assert [row(e) for e in code(text)] == expected


# Intentions ('is willing to', 'vowed to') are like 'will': intent to cooperate (03), threat (13);
# 'tried to assassinate' is an attempt (185).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway is willing to send arms to Saudi Arabia.", [("033", "NOR", None, "SAU", None)]),
        ("Rebels vowed to attack the capital.", [("138", None, "REB", None, None)]),
        ("Rebels tried to assassinate the governor.", [("185", None, "REB", None, "GOV")]),
    ],
)
def test_intentions_and_attempts(text, expected):
    assert [row(e) for e in code(text)] == expected


# The deed a statement reports comes first: progressive forms are deeds, not passives; a light
# verb carries out the deed its noun names; the recipient of aid is who it goes 'to'.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States is providing military intelligence to Macedonia, the Washington Post said.",
         [("072", "USA", None, "MKD", None), ("010", "MED", None, None, None)]),
        ("A group of refugees are continuing a hunger strike in Moscow.", [("142", "RUS", "REF", "RUS", None)]),
        ("The United States speeded up the withdrawal of some invasion forces from Panama.",
         [("080", "USA", None, "PAN", None)]),
    ],
)
def test_deeds_in_statements_and_nominal_deeds(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Times between the auxiliary and the verb; the subject of an agentless passive is its target.
        ("over 80 bjp workers were on wednesday taken into custody, police said.",
         [("173", "IND", "COP", "IND", "PTY"), ("010", "IND", "COP", None, None)]),
        ("50 persons were held.", [("173", None, "COP", None, "CVL")]),
        ("Talks were held in Baku.", []),
        # The police speaking of themselves.
        ("we have arrested five persons.", [("173", None, "COP", None, "CVL")]),
        ("the city police sealed the premises and arrested four persons.", [("173", None, "COP", None, "CVL")]),
        ("the magistrate remanded them to police custody.", [("173", None, "JUD", None, None)]),
        # The injured did not fire: the police the sentence names did.
        ("10 persons sustained injuries in the firing, police said.",
         [("190", None, "COP", None, None), ("010", None, "COP", None, None)]),
        # Dispersing a crowd is repression; a crowd dispersing does nothing coded.
        ("police dispersed the mob with tear gas.", [("175", None, "COP", None, "CVL")]),
        ("the marchers then dispersed peacefully.", []),
    ],
)
def test_police_verb_families(text, expected):
    assert [row(e) for e in code(text)] == expected


def test_defacing_damages_property():
    assert [e.cameo_code for e in code("Hackers defaced nearly 3,000 web sites.")] == ["171"]


# Precision on ordinary news: speakers we cannot name, places someone goes to, people who die
# give no event; 'us' written small is a pronoun.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The troops will stay," she said.', []),
        ('"The troops are tired," said Smith.', []),
        ("The UN envoy to Syria will attend the talks.", [("036", "UNO", "GOV", None, None)]),
        ("Travelling to Syria to join Isis was a crime.", []),
        ("Two children died in the camp.", []),
        ("She married a Bosnian, who was also killed.", []),
        ("The raid hurt us badly, Iraqi officials said.", [("010", "IRQ", "GOV", None, None)]),
        ("we have to arrest the guilty, the minister said.", [("010", None, "GOV", None, None)]),
        ("we were lucky to arrest the accomplice.", [("173", None, "COP", None, None)]),
    ],
)
def test_no_event_where_none_is_reported(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'X must / should' in a said-clause, whatever the verb after: the speaker demands it of X.
        ("The United States declared that China must drop its barriers.",
         [("100", "USA", None, "CHN", None), ("010", "USA", None, None, None)]),
        ("Britain said Iran should release the sailors.",
         [("100", "GBR", None, "IRN", None), ("010", "GBR", None, None, None)]),
        # A verb after 'and' shares the subject of an uncoded verb, not its object.
        ("policemen chased the raiders and shot one.", [("190", None, "COP", None, None)]),
        # A relative clause between the subject and its verb.
        ("the police that was accompanying the mob fired in the air.", [("190", None, "COP", None, None)]),
        # The halves of a hyphenated headline compound.
        ("police-vhp clash in the old city.", [("190", "HIN", "COP", "HIN", "RAD")]),
        ("police clashed with protesters in the city.", [("190", None, "COP", None, "OPP")]),
        # 166x: expelling inspectors; denying what was asked for is a rejection.
        ("Iraq expelled UN inspectors.", [("1662", "IRQ", None, "UNO", None)]),
        ("Iraq denied access to UN inspectors.", [("1245", "IRQ", None, "UNO", None)]),
        ("Turkey denied visas to Greek officials.", [("120", "TUR", None, "GRC", "GOV")]),
        # An attempt on a life whose authors go unsaid: unidentified attackers (UAF).
        ("An attempt to assassinate the Iraqi governor was thwarted.", [("185", "IRQ", "UAF", "IRQ", "GOV")]),
    ],
)
def test_demands_subjects_compounds_and_sanctions(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "According to Syrian officials, the talks went well.",
        "Turkish officials want a new constitution.",
        "The Iraqi prime minister faces a difficult choice.",
        "Russian leaders took office in May.",
        "Turkish officials think the plan is dangerous.",
        "Isis fighters swept across Iraq in 2014.",
        "The number of Syrian refugees in Turkey passed three million.",
        "Turkey prevented Syrian Kurdish fighters from forming a state.",
    ],
)
def test_generic_verbs_code_only_through_their_patterns(text):
    assert [e.cameo_code for e in code(text)] == []


# Clauses: a verb's source and target come from its own clause. A relative clause's verb takes
# the actor it follows; a main verb skips the relative and adverbial clauses between.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt condemned Israel, which attacked Gaza.",
         [("111", "EGY", None, "ISR", None), ("190", "ISR", None, "PSE", None)]),
        ("After Israeli troops attacked Gaza, Egypt condemned the raid.",
         [("190", "ISR", "MIL", "PSE", None), ("111", "EGY", None, None, None)]),
        # Who reports it is no target: 'according to' opens a clause of its own.
        ("Turkey threatened Syria, according to Russian officials.", [("130", "TUR", None, "SYR", None)]),
        ("Turkey threatened Syria; Russia backed the Kurds.",
         [("130", "TUR", None, "SYR", None), ("050", "RUS", None, None, None)]),
    ],
)
def test_roles_come_from_the_verbs_own_clause(text, expected):
    assert [row(e) for e in code(text)] == expected


# Quotations: a deed inside one is the speaker's only when the speaker says 'we' or 'I' and is
# known; someone else's deed is a claim, and an unknown speaker's quotation codes nothing.
# An agentless arrest is the police's whoever tells it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will attack Kuwait," Iraq said.', [("138", "IRQ", None, "KWT", None), ("010", "IRQ", None, None, None)]),
        ("“Iran attacked the ship,” Israel said.", [("010", "ISR", None, None, None)]),
        ('"Israel will attack Syria," Smith said.', []),
        ('"five men were arrested," the police said.',
         [("173", None, "COP", None, "CVL"), ("010", None, "COP", None, None)]),
    ],
)
def test_deeds_in_quotations(text, expected):
    assert [row(e) for e in code(text)] == expected


# Places: where a state's agents went or met is not whom they dealt with; a domestic target is of
# the source's country, not of a country named elsewhere in the sentence.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian officials arrived in Damascus.", [("040", "IRN", "GOV", None, None)]),
        ("Iranian officials met the cabinet in Damascus.", [("040", "IRN", "GOV", "SYR", "GOV")]),
        ("British officials summoned the cabinet to discuss strikes against Syria.",
         [("040", "GBR", "GOV", "GBR", "GOV")]),
    ],
)
def test_places_are_not_actors(text, expected):
    assert [row(e) for e in code(text)] == expected


# Whom a deed is done to. Yielding, withdrawing, resigning and mobilizing need no one to receive
# them: a place of the source's own country is only where they were done (force on a home place
# keeps it: the place is struck), and mobilized forces are the source's means, the target is whom
# they face. The speaker of a closing '..., X said' is no target; a complaint told to an audience
# is of what it is about; 'alleged' before the actor it qualifies is an adjective.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five hundred Ugandan rebels surrendered last week in Soroti, a local official said.",
         [("080", "UGA", "REB", None, None)]),
        ("The rebels surrendered to Ugandan troops, a local official said.", [("080", "UGA", "REB", "UGA", "MIL")]),
        ("Bosnian Serb forces completed their withdrawal from the Bosnian town of Gorazde.",
         [("0874", "BIH", "MIL", None, None)]),
        ("Israeli troops withdrew from Lebanon.", [("0874", "ISR", "MIL", "LBN", None)]),
        ("Afghan rebels shelled Kabul on Sunday.", [("190", "AFG", "REB", "AFG", None)]),
        ("Britain mobilized army reservists for a possible war against Iraq.", [("150", "GBR", None, "IRQ", None)]),
        ("Britain sent troops to Iraq.", [("062", "GBR", None, "IRQ", None)]),
        ("Lebanon complained to the United Nations on Tuesday over two Israeli air raids.",
         [("114", "LBN", None, "ISR", None)]),
        ("Lebanon complained to the United Nations.", [("114", "LBN", None, "UNO", None)]),
        ("A British minister said that Libya must hand over alleged bombers of the airliner.",
         [("100", "GBR", "GOV", "LBY", None), ("010", "GBR", "GOV", None, None)]),
        ("Police arrested two suspected militants.", [("173", None, "COP", None, "UAF")]),
        # ... but a verb after its subject, even over words between: these accuse and allege.
        ("The US, Britain and other countries accused Moscow of time-wasting.", [("112", "GBR", None, "RUS", None)]),
        ("Iran on Monday alleged Israel had attacked a ship.",
         [("110", "IRN", None, "ISR", None), ("190", "ISR", None, None, None)]),
        # Troops that are Syrian only by the place they leave keep it as their target.
        # (a speaker the dictionaries do not know: since they know Donald Trump, his announcing is an event too)
        ("Jon Smithers announced a rapid troop withdrawal from Syria.", [("080", "SYR", "MIL", "SYR", None)]),
        # A clause of its own is no closing attribution: 'the Pentagon' announced, nothing told of it.
        ("The offensive began in January, shortly after the Pentagon announced it would raise a militia.",
         [("138", "USA", "MIL", None, None)]),
    ],
)
def test_targets_of_undirected_deeds_reporters_and_complaints(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The camps are overstretched, said Abdel Karim Omar, co-chair of the committee.", True),
        ("The women are tired, said Tang.", True),
        ("The plan would irk Assad, said the Israeli spokesman.", False),  # an actor: _speaker takes it
        ("Hassan al-Kaabi, the deputy speaker, said Trump's comments were a violation.", False),
        ("Hassan al-Kaabi, the deputy speaker, said: “We will not accept it.”", False),
        ("The deputy speaker, Hassan al-Kaabi, told Trump.", False),
    ],
)
def test_a_speaker_named_after_said_is_told_apart(text, expected):
    """'..., said Tang.': the speaker is the name after the verb (unknown to us: no source), not the
    actor before it."""
    from eventpipe.transforms.actors import tokenize
    from eventpipe.transforms.events import _Verb, _inverted_name

    tokens = tokenize(text)
    at = next(n for n, t in enumerate(tokens) if t.word in ("said", "told"))
    verb = _Verb(at, at + 1, "010", statement=True, lemma="say" if tokens[at].word == "said" else "tell")
    assert _inverted_name(text, tokens, verb) is expected


def test_quote_marks_read_as_cp1252_are_not_quotations():
    from eventpipe.transforms.events import _quote_spans

    assert _quote_spans("the officers â€” who acted â€” left.") == []
    assert _quote_spans("“We left,” he said; \"so\" too.") == [(0, 9), (20, 23)]
    assert _quote_spans("and then we left.” He said.") == [(0, 17)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'X-backed Y': Y's own country is unknown, and nothing infers it; X is recorded nowhere.
        ("Russian-backed forces attacked Ukrainian positions.", [("190", None, "MIL", "UKR", None)]),
        ("Iranian backed militias fired rockets at Israel.", [("194", None, "UAF", "ISR", None)]),  # FIRE '* ROCKET (AT +)' [194]
        ("Russia backed the Kurds.", [("050", "RUS", None, None, None)]),  # a verb, not a backer
        # 'call' + object + a noun phrase names it: a statement, not a telephone call (041).
        ("The senator called it a blunder.", [("010", None, "LEG", None, None)]),
        # A participle after the object of 'keep' is the object's state: nobody funds anybody.
        ("The senators voted for a bill to keep the government funded.", [("030", None, "LEG", None, "GOV")]),
        # Reporters and newspapers only ever say things.
        ("Journalists blocked the road to the ministry.", []),
        # '..., telling reporters' is said by the subject before, never by the reporters.
        ("The minister stayed vague, telling reporters that a decision would come soon.",
         [("010", None, "GOV", None, "MED")]),
    ],
)
def test_wrong_event_families(text, expected):
    assert [row(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A role with no country is of the article's main country (named twice as often as any other).
        ("Germany said it would send aid to Mali. German officials met in Berlin. "
         "The foreign minister said talks would continue.",
         [("033", "DEU", None, "MLI", None), ("010", "DEU", None, None, None),
          ("040", "DEU", "GOV", "DEU", None), ("036", "DEU", "GOV", None, None), ("010", "DEU", "GOV", None, None)]),
        # Two countries named as often: no main country, no guess.
        ("Germany and France met. The foreign minister said talks would continue.",
         [("040", "DEU", None, "FRA", None), ("036", None, "GOV", None, None), ("010", None, "GOV", None, None)]),
    ],
)
def test_main_country_of_the_article(text, expected):
    assert [row(e) for e in code(text)] == expected


def test_quotation_across_sentences_keeps_its_speaker():
    # The second sentence has no quotation mark: it is inside the quote the first one opened, so
    # 'We invited' is the French minister's own deed.
    text = ("The French minister said: “We will send troops to Mali. We invited Malian leaders to Paris. "
            "It was a good day.”")
    assert [(e.sentence_index, *row(e)) for e in code(text)] == [
        (0, "031", "FRA", "GOV", "FRA", "MIL"), (0, "010", "FRA", "GOV", None, None),
        (1, "040", "FRA", "GOV", "MLI", None),
    ]


def test_quotation_across_sentences_with_an_unknown_speaker_codes_nothing():
    text = "He said: “Ours is a just cause. We invited Malian leaders to Paris.”"
    assert code(text) == []


def moded(event: Event) -> tuple:
    return (*row(event), event.mode)


# Every event has a mode: what the text says of the deed. A denied or supposed deed keeps its own
# code; a refusal stated is a rejection done (12x); an intention is coded as CAMEO codes the
# expressing of it (036 intent to meet, 13x threat).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey signed the agreement with Greece.", [("057", "TUR", None, "GRC", None, "asserted")]),
        ("Turkey did not sign the agreement with Greece.", [("057", "TUR", None, "GRC", None, "negated")]),
        ("Turkey never signed the agreement.", [("057", "TUR", None, None, None, "negated")]),
        ("Police did not fire on the crowd.", [("190", None, "COP", None, None, "negated")]),
        ("Iran denied that it attacked the ship.", [("190", "IRN", None, None, None, "negated")]),
        ("Israel will meet Syria.", [("036", "ISR", None, "SYR", None, "intended")]),
        ("Iran plans to meet Iraq.", [("036", "IRN", None, "IRQ", None, "intended")]),
        ("Rebels were ready to attack the capital.", [("138", None, "REB", None, None, "intended")]),
        # A vow is itself a threat made (the verb's own code, 138): asserted.
        ("Rebels vowed to attack the capital.", [("138", None, "REB", None, None, "asserted")]),
        ("Rebels may attack the capital.", [("190", None, "REB", None, None, "hypothetical")]),
        ("Russia could threaten Ukraine.", [("130", "RUS", None, "UKR", None, "hypothetical")]),
        ("Officials fear the rebels might attack the capital.", [("190", None, "REB", None, None, "hypothetical")]),
        ("Iraq would have attacked Kuwait.", [("190", "IRQ", None, "KWT", None, "hypothetical")]),
        ("If the army attacks the town, Iran will respond.", [("190", "IRN", "MIL", None, None, "hypothetical")]),
        # Refusals, and a negated future of cooperation, are rejections that happened.
        ("Israel will not meet Syria.", [("125", "ISR", None, "SYR", None, "asserted")]),
        ("Pakistan has refused to deploy peacekeepers in Iraq.", [("120", "PAK", None, "IRQ", None, "asserted")]),
    ],
)
def test_mode(text, expected):
    assert [moded(e) for e in code(text)] == expected


def test_a_coordinated_verb_after_an_auxiliary_shares_the_subject():
    assert [moded(e) for e in code("Turkey met Greece but did not meet Cyprus.")] == [
        ("040", "TUR", None, "GRC", None, "asserted"), ("040", "TUR", None, "CYP", None, "negated")]
    assert [moded(e) for e in code("Turkey met Greece and will meet Cyprus.")] == [
        ("040", "TUR", None, "GRC", None, "asserted"), ("036", "TUR", None, "CYP", None, "intended")]



def test_events_differing_only_in_mode_are_both_kept():
    met, denied = code("Turkey met Greece and did not meet Greece again.")
    assert (moded(met), moded(denied)) == (
        ("040", "TUR", None, "GRC", None, "asserted"), ("040", "TUR", None, "GRC", None, "negated"))


# Conditions open a clause with or without a comma; legal charges, blazes and a subjunctive
# 'be booked' report no deed; 'the arrested X' and people 'taken into custody' were arrested;
# rejecting a plan is 127; a direction before a place keeps it a place ('in central Iran').
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (the refugees, no modifier of 'if', are the ones refused: Iraq's, the war's country)
        ("Syria says it will not accept any more refugees if war starts in Iraq.",
         [("120", "SYR", None, "IRQ", "REF", "asserted"), ("010", "SYR", None, None, None, "asserted")]),
        ("the police have registered a case of murder against the crowd.", []),
        ("their houses were set on fire.", []),
        ("he suggested that those guilty be booked under the ordinance.", []),
        ("the premises could be used as jails to house the arrested ram sevaks.",
         [("173", None, "COP", None, None, "asserted")]),
        ("81 bjp workers taken into custody from the area, they said.",
         [("173", "IND", "COP", "IND", "PTY", "asserted"), ("010", "IND", "PTY", None, None, "asserted")]),
        ("Ivory Coast rebels rejected a Senegalese peace plan.", [("127", "CIV", "REB", "SEN", None, "asserted")]),
        # The monitoring is what the inspectors were sent for: aimed at, not yet done.
        ("The IAEA sent inspectors to a plant in central Iran to monitor the work.",
         [("090", "UNO", None, None, None, "intended")]),
        ("Opposition groups in Zimbabwe are demanding that President Mugabe resign.",
         [("100", "ZWE", "OPP", "ZWE", "GOV", "asserted"), ("083", "ZWE", "GOV", None, None, "asserted")]),
    ],
)
def test_clauses_charges_participles_and_places(text, expected):
    assert [moded(e) for e in code(text)] == expected


def test_a_passive_with_an_unknown_agent_is_not_the_police_deed():
    events = code("she told the police that the two were attacked by a fierce mob.")
    assert all(e.source_sector != "COP" for e in events)


# A coordinated subject or object with a party of its own on the other side of the verb is one
# event per member; without one, the members are each other's counterparts (a joint action).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hungarian and Romanian officials criticised Russia on Monday.",
         [("111", "HUN", "GOV", "RUS", None), ("111", "ROU", "GOV", "RUS", None)]),
        ("Hungarian and Romanian officials met German diplomats in Berlin.",
         [("040", "HUN", "GOV", "DEU", "GOV"), ("040", "ROU", "GOV", "DEU", "GOV")]),
        ("Both Hungary and Romania criticised Russia.",
         [("111", "HUN", None, "RUS", None), ("111", "ROU", None, "RUS", None)]),
        ("The United States, Britain and France condemned Russia.",
         [("111", "USA", None, "RUS", None), ("111", "GBR", None, "RUS", None), ("111", "FRA", None, "RUS", None)]),
        ("The foreign ministers of Hungary and Romania criticised Russia.",
         [("111", "HUN", "GOV", "RUS", None), ("111", "ROU", "GOV", "RUS", None)]),
        ("Russia criticised Hungary and Romania.",
         [("111", "RUS", None, "HUN", None), ("111", "RUS", None, "ROU", None)]),
        # A coordinated subject of a said-clause: each says it; the deed said is one event.
        ("Hungary and Romania said Russia attacked Ukraine.",
         [("190", "RUS", None, "UKR", None), ("010", "HUN", None, None, None), ("010", "ROU", None, None, None)]),
        # A coordinated verb shares the coordinated subject.
        ("Hungary and Romania criticised Russia and imposed sanctions on it.",
         [("111", "HUN", None, "RUS", None), ("111", "ROU", None, "RUS", None),
          ("163", "HUN", None, None, None), ("163", "ROU", None, None, None)]),
        # Joint actions: no other party, or only where or what about.
        ("Azerbaijan and Turkey signed an agreement.", [("057", "AZE", None, "TUR", None)]),
        ("Azerbaijan and Turkey signed an agreement on Karabakh.", [("057", "AZE", None, "TUR", None)]),
        ("Hungarian and Romanian officials met in Budapest.", [("040", "HUN", "GOV", "ROU", "GOV")]),
        ("Azerbaijan and Turkey periodically hold joint drills between their army units.",
         [("062", "AZE", None, "TUR", None)]),
        # Places listed are where, not who; a comma closes an opening phrase of place.
        ("American troops in Syria and Iraq attacked Isis.", [("190", "USA", "MIL", "IMG", "MUS")]),
        ("In Kyiv, Poland and Hungary criticised Russia.",
         [("111", "POL", None, "RUS", None), ("111", "HUN", None, "RUS", None)]),
    ],
)
def test_coordinated_actors_are_one_event_each(text, expected):
    assert [row(e) for e in code(text)] == expected


def test_the_two_countries_acting_on_a_third_are_each_of_them():
    text = "Azerbaijan and Turkey met. Azerbaijan hosted Turkey. The two countries criticised Armenia."
    last = [row(e) for e in code(text) if e.sentence_index == 2]
    assert last == [("111", "AZE", None, "ARM", None), ("111", "TUR", None, "ARM", None)]


# Police force reported without the police in the clause: agentless firing and tear gas, the
# police of the sentences just before, their men and weapons, the subject of a chase.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The police named in the sentence before fire the rounds this one leaves agentless.
        ("three persons were injured in police firing on friday. five or six rounds were fired in the air.",
         [("190", None, "COP", None, None, "asserted"), ("190", None, "COP", None, None, "asserted")]),
        ("five or six rounds were fired in the air.", []),
        # Any violent repression (175) done to a crowd, not only firing, is theirs.
        ("the police reached the spot. the mob was dispersed. also 12 tear-gas shells were lobbed during the action.",
         [("175", None, "COP", None, None, "asserted"), ("175", None, "COP", None, None, "asserted")]),
        # 'police bullets', 'police sentries': the police act through their men and weapons.
        ("nearly 25 per cent of them had been killed by police bullets.", [("190", None, "COP", None, None, "asserted")]),
        ("police sentries posted there killed one of them on the spot.",
         [("190", None, "COP", None, None, "asserted")]),
        # The object of an uncoded verb, with a number, a participle and a place phrase round it.
        ("singh said policemen chased the two surviving raiders inside the shrine and shot one.",
         [("190", None, "COP", None, None, "asserted")]),
        # Mojibake no-break spaces: the text is still lower-cased and the last word still a word.
        ("related storiesÂ one dead in bengal police-vhp clashÂ", [("190", "IND", "COP", "HIN", "RAD", "asserted")]),
    ],
)
def test_police_force_without_the_police_in_the_clause(text, expected):
    assert [moded(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A passive's agent is in its 'by' phrase, up to the next clause, or unknown.
        ("the lenses were smashed by the crowd even as the police stood mute witness.", []),
        ("a watchman was stabbed to death by some miscreants, police said.",
         [("182", None, "CRM", None, None, "asserted"), ("010", None, "COP", None, None, "asserted")]),
        # A clash between others, or a deed the actor was hurt in, is not the actor's.
        ("three police officials sustained injuries during a clash between two communities.", []),
        ("a clash between police and protesters broke out.", [("190", None, "COP", None, "OPP", "asserted")]),
        ("an apsp constable was injured in the stone throwing.", []),
        ("two men were injured in the police firing.", [("190", None, "COP", None, None, "asserted")]),
    ],
)
def test_who_did_the_violence_and_who_suffered_it(text, expected):
    assert [moded(e) for e in code(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'likely to' is a likelihood, like 'may': nothing done.
        ("Iran is likely to attack the ships.", [("190", "IRN", None, None, None, "hypothetical")]),
        # The agent of a participle after the subject is not the subject.
        ("Muslim hackers angered by the publication of cartoons have defaced nearly 3,000 Danish Web sites.",
         [("171", "DNK", "MUS", "DNK", "MED", "asserted")]),
        # ', killing ...' after a main clause: the sentence's subject kills.
        ("Sudanese rebels shelled the southern regional capital Juba on Sunday, killing about 20 people.",
         [("190", "SDN", "REB", "SSD", None, "asserted"), ("190", "SDN", "REB", "SDN", "CVL", "asserted")]),
        # Not a place opening the sentence, nor the one 'with' introduces.
        ("In Iraq, the state has continued to brutalise Sunnis, denying them their rights.",
         [("1233", "IRQ", "MUS", None, None, "asserted")]),
        # (a minister the dictionaries do not know: they know Ben Wallace, of the UK, since 2026-12-07)
        ("The government has taken a hard line, with Jon Smithers, the security minister, saying it.",
         [("010", None, "GOV", None, None, "asserted")]),
    ],
)
def test_subjects_of_participles(text, expected):
    assert [moded(e) for e in code(text)] == expected


def test_a_participle_after_with_is_its_own_subjects():
    events = code("The government has taken a hard line, with Jon Smithers, the security minister, saying it.")
    assert [(e.cameo_code, e.source_name) for e in events] == [("010", "minister")]

"""The tree coder's actions (transforms/coding/mentions.py, mode.py): which verb pattern and code
a mention gets, and whether the text says it happened. Sentences written for these tests; the
parse is spaCy's en_core_web_sm 3.8.0, installed by `make install`."""

from __future__ import annotations

from datetime import date

from eventpipe.transforms.coding.coder import code_text
from eventpipe.transforms.coding.mentions import find_event_mentions
from eventpipe.transforms.coding.parse import parse

PUBLISHED = date(2021, 10, 14)


def _codes(text: str) -> dict[str, str]:
    """Lemma -> code of each event mention of one sentence."""
    [doc] = parse([text])
    return {m.lemma: m.code for m in find_event_mentions(doc)}


def test_articles_punctuation_and_the_verbs_own_particle_leave_a_pattern_in_reach():
    # CALL OFF's pattern '* STRIKE' [087]: 'strike' is the fifth token after 'off' but its third word
    assert _codes("The dockers' union called off a three-week strike on Friday.")["call off"] == "087"
    assert _codes("The dockers' union called off the strike.")["call off"] == "087"


def test_seizing_is_coded_by_what_is_seized():
    # a town or a named city: occupying territory (192); people: abducting them (181), or, by the
    # police, arresting them (173); goods stay seized property (171)
    assert _codes("Rebel fighters captured the provincial town of Kerra.")["capture"] == "192"
    assert _codes("The insurgents captured Mosul after a week.")["capture"] == "192"
    assert _codes("The army has captured part of the rebels' mountain stronghold.")["capture"] == "192"
    assert _codes("Gunmen seized thirty foreign workers at the oil field.")["seize"] == "181"
    assert _codes("Kenyan police seized four men near the border.")["seize"] == "173"
    assert _codes("Two reporters were seized by police outside the court.")["seize"] == "173"
    assert _codes("Customs officers seized a truck at the border.")["seize"] == "171"


def _modes(text: str) -> set[tuple[str, str]]:
    return {(e.cameo_code, e.mode) for e in code_text(text, PUBLISHED)}


def test_a_threat_of_what_would_happen_is_an_intention_not_a_deed():
    assert ("130", "asserted") not in _modes("France warned that any ship that entered its waters would be sunk.")
    assert ("130", "intended") in _modes("France warned that any ship that entered its waters would be sunk.")
    # a warning with no future or possibility in it stays a threat made
    assert ("130", "asserted") in _modes("France warned Italy on Monday.")


def test_a_deed_under_an_intention_is_intended_through_gerunds_and_misattached_infinitives():
    # 'resume shelling': the gerund is as (un)done as the verb it completes
    modes = _modes("The Serbian army prepared to resume shelling the rebel villages.")
    assert ("190", "asserted") not in modes and ("138", "intended") in modes
    # 'sworn to fight', which the parser attaches as a clause of purpose
    modes = _modes("Kurdish rebels have sworn to fight until they win back the villages.")
    assert ("190", "asserted") not in modes and ("138", "intended") in modes


def test_would_not_in_reported_speech_is_a_refusal_of_cooperation():
    # 'said it would not meet' is the reported 'will not meet': a rejection done (12x), asserted
    modes = _modes("Germany said it would not meet the Iranian delegation.")
    assert any(code.startswith("12") and mode == "asserted" for code, mode in modes)
    # force refused is no rejection: it stays a negated deed
    assert ("190", "negated") in _modes("Germany said it would not attack Iran.")


def test_dictionary_patterns_with_a_target_slot_and_declared_emergencies():
    # TAKE's '* CONTROL +' [192]: the '+' (where PETRARCH puts the target) no longer drops the pattern
    assert _codes("The militia took control of the airport on Sunday.")["take"] == "192"
    # declaring martial law or a state of emergency imposes it (CAMEO 1724), not 012
    assert _codes("The Peruvian government declared a state of emergency in Lima.")["declare"] == "1724"
    assert _codes("The junta declared martial law.")["declare"] == "1724"


def test_verbs_the_dictionary_lacks_or_files_for_other_objects():
    # local additions (tools/derive_tables.py, codes from cameoCodes.json): extending a curfew
    # imposes it (1723), ending mediation halts it (165), suspending ties, aid or talks reduces
    # relations (161, 162, 164), demobilizing is 0873
    assert _codes("The president will extend the night-time curfew in the capital.")["extend"] == "1723"
    assert _codes("The officers ended mediation efforts between the militias.")["end"] == "165"
    assert _codes("China suspended ministerial contacts with Japan.")["suspend"] == "161"
    assert _codes("The donors suspended their aid to the government.")["suspend"] == "162"
    assert _codes("A third of the guerrillas have been demobilized.")["demobilize"] == "0873"
    # blockading is 191 'impose blockade, restrict movement' (the file's default is 170)
    assert _codes("The navy blockaded the port for a month.")["blockade"] == "191"
    # police clearing a blockade coerce (170; the file's CLEAR defaults to 080, yield)
    assert _codes("On Sunday, police cleared a blockade of the bridge.")["clear"] == "170"
    # invoking emergency powers imposes them (1724; the file has INVOKE for a defence treaty only)
    assert _codes("The prime minister invoked the Emergencies Act on Monday.")["invoke"] == "1724"
    # troops ordered to a border are mobilized (154, as the file's RUSH * (TO BORDER)); an order
    # to withdraw stays an order
    assert _codes("The president ordered ten army battalions to the border on Sunday.")["order"] == "154"
    assert _codes("The president ordered the troops to withdraw.")["order"] == "100"
    # signing a deal or agreements signs an agreement (057; the file's &TREATY has neither)
    assert _codes("Kenya and Uganda signed the deal on Monday.")["sign"] == "057"
    assert _codes("Kenya and Uganda signed two agreements.")["sign"] == "057"
    # people rallying demonstrate (141), as most of the file's RALLY patterns say; the file's
    # block default (MOBILISE, 150) is a show of military force; its patterns stay
    assert _codes("Thousands of Armenians rallied in Yerevan on Saturday.")["rally"] == "141"
    assert _codes("The allies rallied in support of the government.")["rally"] == "053"


def test_calling_for_something_is_an_appeal_for_it():
    # the files code some 'CALL FOR X' patterns as X (090 for an investigation, 1312 for sanctions);
    # CAMEO codes the asking: an appeal (020)
    assert _codes("The ministers called for an independent investigation into the killings.")["call"] == "020"
    assert _codes("The ministers called for sanctions against the regime.")["call"] == "020"


def test_a_verb_in_ied_comes_from_its_y_not_from_a_shorter_verb():
    # 'married' is 'marry', not MAR (180, 'use unconventional violence') by undoubling 'marr'
    assert "mar" not in _codes("She married a Dutch fighter in Raqqa in 2015.")
    assert code_text("She married a Dutch fighter in Raqqa in 2015.", PUBLISHED) == []


def test_weapons_of_mass_destruction_are_cameo_20_not_repression():
    # using chemical weapons is 2041 (cameoCodes.json), not the file's 'USE * &WEAPON' 175;
    # an attack named chemical is too, and so is the killing it did
    assert _codes("Syrian forces used chemical weapons in Douma.")["use"] == "2041"
    assert _codes("Police used tear gas on the crowd.")["use"] == "175"
    assert _codes("A chemical weapons attack hit the town.")["attack"] == "2041"
    events = code_text("A chemical attack by the Syrian government killed dozens of people.", PUBLISHED)
    assert [(e.cameo_code, e.source_country) for e in events] == [("2041", "SYR")]


def test_an_attack_is_coded_by_the_weapons_its_modifier_names():
    # aerial bombing is 195, a suicide car bombing 1831, a drone attack 1952 (cameoCodes.json),
    # and so is the killing it did
    assert _codes("Russia continued its aerial bombing of Syrian towns.")["bombing"] == "195"
    assert _codes("A suicide car bombing hit the convoy.")["bombing"] == "1831"
    events = code_text("A US drone attack killed two militants on Monday.", PUBLISHED)
    assert [e.cameo_code for e in events] == ["1952"]


def test_a_place_that_names_an_attack_does_not_do_what_was_done_in_it():
    # 'used in the Salisbury attack': Salisbury is where it struck (roles._struck_place)
    events = code_text("Experts identified the chemical used in the Salisbury nerve agent attack.", PUBLISHED)
    assert [e for e in events if e.source_country == "GBR"] == []


def test_a_past_spelt_as_another_verbs_base_form_is_its_own_verbs():
    # 'found' is FIND's past (FOUND, for founding, now codes only through its patterns), 'saw'
    # SEE's; the phrases the dictionary files under FOUND and SAW still code ('found guilty', 'saw
    # no reason for optimism')
    assert "find" not in _codes("In 2012 police found a bomb in her car.")
    assert _codes("He was found guilty of corruption.")["find"] == "173"
    assert _codes("Kenya saw no reason for optimism.")["see"] == "012"


def test_pulling_out_is_a_retreat_and_withdrawing_from_a_truce_breaks_it_off():
    # PULL OUT is in two blocks of the file; its sense in news is RETREAT's (080), not
    # GO_SOMEWHERE's 040 (tools/derive_tables.py PREFERRED_BLOCKS), and out of talks it halts them
    assert _codes("The US will pull out of Syria next year.")["pull out"] == "080"
    assert _codes("Kenya pulled out of the talks on Monday.")["pull out"] == "164"
    # as from a treaty (WITHDRAW * FROM &TREATY 161), so from a truce
    assert _codes("The government withdrew from a truce with the rebels.")["withdraw"] == "161"


def test_a_pattern_that_holds_its_no_is_said_not_denied():
    # 'saw no reason for optimism' (SAW's pattern, 012) and 'sees no need for mediation' (local
    # SEE pattern, 126) are a comment and a rejection made; an object with 'no' outside a pattern
    # still denies the deed ('gave no promises')
    events = code_text("Kenya saw no reason for optimism.", PUBLISHED)
    assert [(e.cameo_code, e.mode) for e in events] == [("012", "asserted")]
    events = code_text("Thailand says it sees no need for outside mediation.", PUBLISHED)
    assert [(e.cameo_code, e.mode) for e in events] == [("126", "asserted")]
    assert [e.mode for e in code_text("Kenya gave no promises to Tanzania.", PUBLISHED)] == ["negated"]


def test_idioms_of_come_to_go_nowhere():
    # COME (TO) is 040, going somewhere; an agreement come to is reached (032), blows are fighting
    # (190), and terms, an end, mind or power no visit (local patterns, tools/derive_tables.py)
    assert _codes("Kenyan troops came to Somalia in 2011.")["come"] == "040"
    assert _codes("The two allies have come to an agreement on the border.")["come"] == "032"
    assert _codes("The two countries came to blows in November 2015.")["come"] == "190"
    assert "come" not in _codes("The reign of the family is coming to an end.")
    assert "come" not in _codes("The aggression against Iraq in 2003 comes to mind.")


def test_calling_a_ceasefire_or_the_shots_and_gathering_evidence():
    # local CALL and GATHER patterns (tools/derive_tables.py): a ceasefire called is declared
    # (0871), a deed called out denounced (111), the shots called no one; evidence gathered is
    # investigation (090), strength gathered no meeting
    assert _codes("The rebels called a unilateral ceasefire.")["call"] == "0871"
    assert _codes("The president called out the attack by the rebels.")["call"] == "111"
    assert "call" not in _codes("Russia has been calling most of the shots.")
    assert _codes("Kenya called Tanzania on Monday.")["call"] == "041"
    assert _codes("Washington is gathering evidence about the attack.")["gather"] == "090"
    assert "gather" not in _codes("A resurgent al-Qaida is gathering strength.")


def test_pushing_back_and_releasing_documents():
    # local PUSH and RELEASE patterns (tools/derive_tables.py): an armed group pushed back is
    # fought (190), criticism pushed back against rejected (120); a budget or a summary released
    # is made public, no release of anyone (084)
    assert _codes("Isis was pushed back by the Syrian Democratic Forces.")["push"] == "190"
    assert _codes("Kenya pushed back against the criticism.")["push"] == "120"
    assert _codes("The army pushed the rebels to withdraw.")["push"] == "025"
    assert "release" not in _codes("The Pentagon released its planned 2019 budget.")
    assert _codes("Turkey released a US pastor on Friday.")["release"] == "084"


def test_a_strike_on_someone_is_force_not_a_strike_of_workers():
    # the noun with 'on'/'against' and the light verbs' patterns (tools/derive_tables.py): 190,
    # missiles and aircraft 195; workers' strikes stay 143
    assert _codes("The US carried out a strike on a Syrian air base.")["strike"] == "190"
    assert _codes("Trump decided to launch missile strikes on regime targets.")["launch"] == "195"
    assert _codes("The US launched strikes against Isis.")["launch"] == "190"
    assert _codes("Teachers launched a strike over pay.")["launch"] == "143"
    assert _codes("Workers began a strike on Monday.")["begin"] == "143"


def test_what_news_gives_is_mostly_no_gift():
    # local GIVE patterns (tools/derive_tables.py): a press conference or an interview given is a
    # statement (010), birth or an opening given no deed; money given stays aid (071)
    assert _codes("The ambassador is giving a press conference in London.")["give"] == "010"
    assert "give" not in _codes("The teenager gave birth to a baby boy.")
    assert "give" not in _codes("Obama's hesitation gave Putin an opening.")
    assert _codes("Kenya gave Tanzania $5 million.")["give"] == "071"


def test_what_is_conducted_established_or_expanded_codes_the_deed():
    # CONDUCT codes only through its patterns, so its object's event noun codes the deed
    # (tools/derive_tables.py PATTERN_ONLY); control established and expanding into a country
    # hold territory (192); a pattern established is no deed
    events = code_text("Russian jets conducted strikes on Idlib on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.source_country) for e in events] == [("190", "RUS")]
    assert _codes("The army conducted joint drills with Russia.")["conduct"] == "062"
    assert _codes("Turkey has established control of a swath of northern Syria.")["establish"] == "192"
    assert _codes("Turkey has expanded into Syria.")["expand"] == "192"
    assert "establish" not in _codes("The regime had established a pattern of dangerous behaviour.")


def test_speaking_by_phone_is_a_telephone_call_and_failing_someone_no_rejection():
    # local SPEAK/TALK and FAIL patterns (tools/derive_tables.py)
    assert _codes("Trump and Erdogan spoke by phone on Friday.")["speak"] == "041"
    assert _codes("Erdogan spoke to Donald Trump on the phone.")["speak"] == "041"
    assert _codes("Trump talked to the Turkish president by phone on Friday.")["talk"] == "041"
    assert "fail" not in _codes("They have failed us for five years.")
    assert _codes("Kenya failed to agree with Tanzania.")["fail"] == "120"


def test_dealing_with_a_problem_is_no_cooperation_and_hinting_that_is_saying():
    # DEAL codes only through its patterns (its 050 fit none of its Guardian events); a verb of
    # saying that reports a clause states it (hinting that X: 010, not HINT's 020)
    assert "deal" not in _codes("Canada has made more headway in dealing with the diplomatic headache.")
    events = code_text("Turkish officials have also hinted that the zone could be used as a safe area.", PUBLISHED)
    assert [(e.cameo_code, e.source_country) for e in events] == [("010", "TUR")]


def test_holding_a_view_or_watching_is_no_statement():
    # VIEW, WATCH and SPREAD code only through their patterns (tools/derive_tables.py PATTERN_ONLY)
    assert "view" not in _codes("Turkey views those same Kurdish groups as mortal foes.")
    assert "watch" not in _codes("Trump changed his mind after watching pundits on television.")
    assert "spread" not in _codes("Isis affiliates are spreading farther afield.")


def test_ousting_from_a_place_is_fighting():
    # local OUST patterns (tools/derive_tables.py): from a place 190, from power OUST's 174
    assert _codes("Turkey sent forces to oust Kurdish militants from an enclave in Syria.")["oust"] == "190"
    assert _codes("Morsi was ousted from power by a military junta.")["oust"] == "174"


def test_what_relates_links_is_founded_or_intensifies_is_no_cooperation_and_off_guard_no_capture():
    # RELATE, LINK, FOUND and INTENSIFY code only through their patterns (tools/derive_tables.py)
    assert "relate" not in _codes("The laboratories confirmed the findings relating to the identity of the chemical.")
    assert "link" not in _codes("Suicide bombers linked to the group killed 57 worshippers.")
    assert _codes("Britain published intelligence linking Russia to the attack.")["link"] == "1123"  # (a pattern: accusing)
    assert "found" not in _codes("Zaitouneh founded the documentation centre in 2011.")
    assert "intensify" not in _codes("The investigation intensified after she declared her wish to return.")
    # catching someone off guard surprises them (CATCH 171 is a capture)
    assert "catch" not in _codes("The announcement caught policymakers off guard.")


def test_pressuring_someone_to_do_a_thing_demands_it():
    # PRESSURE is filed under IMPEL (170, coerce); pressing someone to act is a demand (100), as PRESS is
    assert _codes("Iranian authorities have been pressuring the workers to cancel the strike.")["pressure"] == "100"


def test_ensuring_something_promises_nothing():
    # ENSURE codes only through its patterns (PROMISE's 030 fit none of its Guardian events)
    assert "ensure" not in _codes("Russian forces entered Syria in 2015, ensuring Assad's survival.")
    assert _codes("Turkey is taking new steps to ensure security in Idlib.")["ensure"] == "0332"


def test_handing_someone_over_returns_them():
    # HAND is in no block of the verb file; handing over is CAMEO's 084 'return, release'
    events = code_text("Kenyan police handed over the suspects to Ugandan authorities on Monday.", date(2021, 10, 14))
    assert [(e.cameo_code, e.source_country, e.target_country) for e in events] == [("084", "KEN", "UGA")]


def test_being_sworn_in_is_no_deed_but_swearing_to_fight_is_a_threat():
    # the file's SWEAR (110) is swearing at someone; 'sworn in' takes an office
    crossed = code_text("Troops from ECOWAS, led by Senegal, crossed into Gambia on Thursday, hours after Barrow was sworn "
                        "in at the Gambian embassy in Dakar.", date(2021, 10, 14))
    assert not [e for e in crossed if e.cameo_code.startswith("11")]
    vowed = code_text("Kenyan soldiers swore to fight al-Shabaab in Somalia.", date(2021, 10, 14))
    assert "138" in [e.cameo_code for e in vowed]

"""The tree coder (transforms/coding/): roles, mode and dates read off a real dependency parse.

Each case is a sentence with the event a careful coder gives it; the parse is spaCy's
en_core_web_sm 3.8.0, installed by `make install` (requirements/parser.txt)."""

from __future__ import annotations

from datetime import date

import pytest

from eventpipe.transforms.coding.coder import code_text, dateline
from eventpipe.transforms.coding.dates import anchors, date_of
from eventpipe.transforms.coding.parse import INSTALL, ParserMissing, parse, parser, repaired
from eventpipe.transforms.timexes import Timex

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
    # an event that names no target is about the story's country (its dateline's) when its doer is
    # foreign to it, else about the other country of the story's two
    # what someone says another must or should do is a demand of that one, and the deed is not done
    ("Britain said on Friday that Sudan must end the conflict.", [("100", "GBR", "SDN", "2021-10-08", "text", "asserted")]),
    ("Britain said that the talks must continue.", [("010", "GBR", None, "2021-10-14", "published", "asserted")]),
    # a group the dictionaries give no country is of the place where it acts, also when the place is
    # inside the object ('blocked streets in Hong Kong')
    ("Thousands of people blocked streets in Hong Kong on Sunday.", [("144", "HKG", "HKG", "2021-10-10", "text", "asserted")]),
    ("Hundreds of ethnic Hungarians held a rally in Romania.", [("141", "ROU", "ROU", "2021-10-14", "published", "asserted")]),
    # a story's first sentence is parsed without its dateline (the city is no subject)
    ("VILNIUS — Lithuanian Prime Minister Ingrida Simonyte and Polish President Andrzej Duda signed a pact on Monday.",
     [("057", "LTU", "POL", "2021-10-11", "text", "asserted")]),
    ("NAIROBI — Kenyan police arrested two opposition leaders on Monday.", [("173", "KEN", "KEN", "2021-10-11", "text", "asserted")]),
    # the dead did nothing: 'died' (Phoenix files DIE under 190) is a deed only of an armed actor of
    # the event they died in
    ("Two people died in police firing.", [("190", None, None, "2021-10-14", "published", "asserted")]),
    ("At least ten children have died in refugee camps in Syria.", []),
    # people in private saying or cooperating with no one named do no political deed; with officials
    # they do, and they still protest
    ("Her mother came to her with tears in her eyes.", []),
    ("Residents said the night was quiet.", []),
    ("Refugees protested against Greece on Monday.", [("140", "GRC", "GRC", "2021-10-11", "text", "asserted")]),
    ("Civilians gave water to the wounded.", []),
    ("Hundreds of refugees met with Greek officials on Monday.", [("040", "GRC", "GRC", "2021-10-11", "text", "asserted")]),
    # the infinitive of 'is ready to', 'is prepared to' is done by the copula's subject
    ("Russia is ready to attack Ukraine.", [("138", "RUS", "UKR", "2021-10-14", "published", "intended")]),
    # a gerund after a preposition is done by its verb's subject
    ("The army responded by shelling the villages.", [("190", None, None, "2021-10-14", "published", "asserted")]),
    # an arrest whose 'by' agent names no actor is the police's
    ("KABUL — The two men were arrested by a team of officers on Monday.", [("173", "AFG", "AFG", "2021-10-11", "text", "asserted")]),
    # 'both governments' are the story's two countries, though the dictionaries know 'governments';
    # a 'when' clause of a date happens on that date
    ("Kenya criticized Tanzania. Tanzania rejected the criticism of Kenya. Trade fell in 2020, when both governments closed the border.",
      [("111", "KEN", "TZA", "2021-10-14", "published", "asserted"), ("124", "TZA", "KEN", "2021-10-14", "published", "asserted"),
      ("172", "KEN", "TZA", "2020-01-01", "text", "asserted")]),
    # a 'when' clause's date is its governor's when that has none
    ("British police arrested the man when he returned in March.", [("173", "GBR", "GBR", "2021-03-01", "text", "asserted")]),
    # a deed told in the past is not dated after the report: 'a week later' counts from a day the
    # text gave before
    ("A week later, Russia attacked Ukraine.", [("190", "RUS", "UKR", None, "earlier", "asserted")]),
    # a state's agent abroad is not of the story's country for being named in its story
    ("DAMASCUS — A western diplomat criticized the government on Monday.",
     [("111", None, "SYR", "2021-10-11", "text", "asserted")]),
    # ... but a statement with no addressee has none
    ("SANTIAGO — Peru said on Monday that the decision was wrong.", [("010", "PER", None, "2021-10-11", "text", "asserted")]),
    ("SANTIAGO — Peru condemned the decision on Monday.", [("111", "PER", "CHL", "2021-10-11", "text", "asserted")]),
    ("LIMA — Chile condemned the decision on Monday.", [("111", "CHL", "PER", "2021-10-11", "text", "asserted")]),
    ("Peru expelled a Chilean diplomat. Chile accused Peru of spying. Peru condemned the decision.",
     [("161", "PER", "CHL", "2021-10-14", "published", "asserted"), ("112", "CHL", "PER", "2021-10-14", "published", "asserted"),
      ("111", "PER", "CHL", "2021-10-14", "published", "asserted")]),
    # a protest is aimed at the one its purpose or an 'in defiance of' phrase names, else at the
    # country it happens in
    ("Farmers blocked roads in Brussels in defiance of the German government.",
     [("144", "BEL", "DEU", "2021-10-14", "published", "asserted")]),
    ("Farmers blocked roads in Brussels on Monday to show their anger at the German government.",
     [("144", "BEL", "DEU", "2021-10-11", "text", "asserted")]),
    ("Farmers blocked roads in Brussels on Monday.", [("144", "BEL", "BEL", "2021-10-11", "text", "asserted")]),
    # what is fired is the means, not the target, though the dictionary files cruise missiles
    # as armed agents: the target is what they were fired at
    ("BEIRUT — The United States fired cruise missiles at a Syrian air base on Friday.",
     [("190", "USA", "SYR", "2021-10-08", "text", "asserted")]),
    # 'called for X to do Y' is an appeal to X (the parse makes 'for X to do Y' a clause of its
    # own, CALL's pattern (FOR) needs its 'for'); the deed asked is not reported as done
    ("Britain called for Russia to withdraw its troops.", [("020", "GBR", "RUS", "2021-10-14", "published", "asserted")]),
    # the press a statement is made to is not its target: a reporter, an agency, a broadcaster
    ("The Kenyan president told reporters on Monday that the talks had failed.",
     [("010", "KEN", None, "2021-10-11", "text", "asserted")]),
    ("The Kenyan president told Reuters that the talks had failed.", [("010", "KEN", None, "2021-10-14", "published", "asserted")]),
    # ... and no statement of its own when it quotes someone
    ("Reuters quoted a Kenyan official as saying the talks had failed.", []),
    ("Reuters contributed to this report.", []),  # (CONTRIBUTE: 070, aid)
    # a pronoun stands for an actor it agrees with: 'he' for a person, not for a country
    ("Kenya criticized Tanzania on Monday. He said the decision was wrong.",
     [("111", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Kenyan President Uhuru Kenyatta criticized Tanzania on Monday. He said the decision was wrong.",
     [("111", "KEN", "TZA", "2021-10-11", "text", "asserted"), ("010", "KEN", None, "2021-10-14", "published", "asserted")]),
    # a noun of relation is not its other side: 'Iran's proxies' are not Iran, 'Damascus's Russian
    # ally' is Russia, 'Assad's backer, Russia' too
    ("Iran's proxies attacked Israel.", []),
    ("A deal was brokered by Damascus's Russian ally on Monday.", [("045", "RUS", "SYR", "2021-10-11", "text", "asserted")]),
    # a phrase of time is no part of the verb's frame: 'called X on Monday' is a call, 'called on X' an appeal
    ("The Russian president called the Turkish president on Monday.", [("041", "RUS", "TUR", "2021-10-11", "text", "asserted")]),
    ("Britain called on Russia on Monday to withdraw its troops.", [("020", "GBR", "RUS", "2021-10-11", "text", "asserted")]),
    # 'call' with a predicate of its object names the object: a statement, not a call to anyone,
    # and a criticism when what it calls it condemns it
    ("France called the Russian move important.", [("010", "FRA", "RUS", "2021-10-14", "published", "asserted")]),
    ("France called the Russian move unacceptable.", [("111", "FRA", "RUS", "2021-10-14", "published", "asserted")]),
    # a consultation is between political actors: a state's agent travelling is one, a student's trip is not
    ("The Kenyan president travelled to Tanzania on Monday.", [("040", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Three Kenyan students travelled to Tanzania on Monday.", []),
    # a person the dictionaries lack, named beside a title they know, is that title's person when
    # named again by surname
    ("Hulusi Akar, the Turkish defence minister, arrived in Athens on Monday. On Tuesday Akar criticized Greece.",
     [("040", "TUR", "GRC", "2021-10-11", "text", "asserted"), ("111", "TUR", "GRC", "2021-10-12", "text", "asserted")]),
    ("The Turkish defence minister, Hulusi Akar, arrived in Athens on Monday. On Tuesday Akar criticized Greece.",
     [("040", "TUR", "GRC", "2021-10-11", "text", "asserted"), ("111", "TUR", "GRC", "2021-10-12", "text", "asserted")]),
    # ... an envoy is his sender's, not his host's
    ("Russia's ambassador to the UK, Alexander Yakovenko, arrived on Monday. On Tuesday Yakovenko criticized Britain.",
     [("040", "RUS", "GBR", "2021-10-11", "text", "asserted"), ("111", "RUS", "GBR", "2021-10-12", "text", "asserted")]),
    # what is said blames or condemns: an accusation of the one blamed, a criticism
    ("The Kenyan president said on Monday that the Tanzanian government bore full responsibility for the attack.",
     [("112", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("The Kenyan president told reporters that the Tanzanian decision was a huge mistake.",
     [("111", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    ("The Kenyan president said that the Tanzanian government was responsible for the talks.",
     [("112", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    # ... or deny it approval: 'not acceptable', 'no justification'
    ("The Kenyan president said the Tanzanian decision was not acceptable.",
     [("111", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    ("The Kenyan president said on Monday there was no justification for the decision.",
     [("111", "KEN", None, "2021-10-11", "text", "asserted")]),
    # an event noun modifying another noun names no event; released images are no release of anyone
    ("Kenyan police visited the detention centres on Monday.", [("042", "KEN", None, "2021-10-11", "text", "asserted")]),
    ("Images released by the Kenyan army on Monday showed Tanzanian ships.", []),
    # 'said it would' is the will of reported speech: intended (a threat of force, 138), not a possibility
    ("Kenya said on Monday that it would attack Tanzania.", [("138", "KEN", "TZA", "2021-10-11", "text", "intended")]),
    ("Kenya could attack Tanzania.", [("190", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    # a deed someone is kept from is theirs and not done, unless nothing kept them ('none of this
    # prevented'); 'were to' in a condition supposes; an accusation reaches into its phrase
    ("Kenya stopped Tanzanian rebels from attacking Uganda.", [("190", "TZA", "UGA", "2021-10-14", "published", "negated")]),
    ("None of this prevented Kenya from attacking Tanzania.", [("190", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    ("Uganda would object if Kenya were to attack Tanzania.",
     [("120", "UGA", "KEN", "2021-10-14", "published", "hypothetical"), ("190", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    ("Uganda accused Kenya of being reckless in attacking Tanzania.",
     [("112", "UGA", "KEN", "2021-10-14", "published", "asserted"), ("190", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    # 'its' and 'their' on an agent give it the country they stand for
    ("Tanzania said its troops attacked Kenyan rebels.", [("190", "TZA", "KEN", "2021-10-14", "published", "asserted")]),
    ("Tanzanian President Samia Suluhu Hassan said that Kenya had attacked his troops.",
     [("190", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    ("Kenya accused Tanzania of shelling its troops.",
     [("112", "KEN", "TZA", "2021-10-14", "published", "asserted"), ("190", "TZA", "KEN", "2021-10-14", "published", "hypothetical")]),
    # what may happen 'in case' is supposed; a participle clause is as done as what it goes with,
    # but the manner of an attempt is done ('sought to train them, providing arms': provided)
    ("Kenyan officials said they would raid the camp in case Tanzanian rebels attacked Kenyan troops.",
     [("138", "KEN", "KEN", "2021-10-14", "published", "intended"), ("190", "TZA", "KEN", "2021-10-14", "published", "hypothetical")]),
    ("Kenya will withdraw its troops from Somalia, abandoning Tanzania.",
     [("035", "KEN", "SOM", "2021-10-14", "published", "intended"), ("035", "KEN", "TZA", "2021-10-14", "published", "intended")]),
    ("Kenya sought to train Somali rebels, providing them with arms.",
     [("030", "KEN", "SOM", "2021-10-14", "published", "intended"), ("072", "KEN", "SOM", "2021-10-14", "published", "asserted")]),
    # a deed of force someone orders is theirs, beside the order; a deed only condemned is not
    ("Kenya ordered an attack on Tanzania on Monday.", [("138", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Kenya ordered airstrikes against Tanzanian positions on Monday.",
     [("100", "KEN", "TZA", "2021-10-11", "text", "asserted"), ("195", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # a passive participle that says which thing is meant tells what it underwent before, not a
    # deed of the day; with a date of its own or its verb's it takes that
    ("Somali militias, backed by Tanzania, attacked the town.",
     [("050", "TZA", "SOM", None, "earlier", "asserted"), ("190", "SOM", "SOM", "2021-10-14", "published", "asserted")]),
    # an infinitive relative clause is yet to come ('the deal, to be monitored by Tanzanian forces')
    ("The deal, to be monitored by Tanzanian forces, was agreed by Kenya.",
     [("090", "TZA", "KEN", "2021-10-14", "published", "intended"), ("050", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    # an event noun as a subject acts through its doer ('by Somali militants'), never through whom
    # it is done to ('on Kenyan troops'); with no doer named, no one. Those it kills are of whom
    # it was done to
    ("The attack on Kenyan troops by Tanzanian militants killed five soldiers.",
     [("1823", "TZA", "KEN", "2021-10-14", "published", "asserted")]),
    ("The attack on Kenyan troops killed five soldiers.", []),
    # a verb that only says its object is done takes the object's date ('held talks on Oct. 2':
    # the parse hangs the date on 'talks')
    ("Kenya and Tanzania held talks on Oct. 2.", [("046", "KEN", "TZA", "2021-10-02", "text", "asserted")]),
    # and so does a verb whose pattern names its event noun, though the codes differ ('declared a
    # ceasefire', 'called for a ceasefire': one event); a noun only reacted to is another's
    ("The Kenyan president declared a ceasefire on Monday.", [("0871", "KEN", None, "2021-10-11", "text", "asserted")]),
    ("The Kenyan president called for a ceasefire on Monday.", [("0256", "KEN", None, "2021-10-11", "text", "asserted")]),
    # a deed done on a dated visit or during dated talks takes their date
    ("On a visit to Tanzania in 2019, the Kenyan president praised Tanzania.",
     [("051", "KEN", "TZA", "2019-01-01", "text", "asserted")]),
    # a people named by its nationality in the plural is no person: of the story's country, as
    # CAMEO codes an ethnic group by the country it lives in
    ("SKOPJE — Ethnic Albanians attacked a police station on Monday.", [("190", "MKD", "MKD", "2021-10-11", "text", "asserted")]),
    # agents that are several states are of no one country, not the story's
    ("NAIROBI — Governments urged Tanzania to withdraw its troops.", [("020", None, "TZA", "2021-10-14", "published", "asserted")]),
    # an event noun said to be possible or likely may come; one said to be brutal came
    ("A Kenyan attack on Tanzania is likely.", [("190", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    ("Clashes between Kenyan troops and Tanzanian troops are now a distinct possibility.",
     [("190", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    ("The Kenyan attack on Tanzania was brutal.", [("190", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    # an event noun that 'there' is said to be is as done as that 'be' ('there may be arrests')
    ("There may be arrests of Tanzanian protesters by Kenyan police.", [("173", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    # an event noun under 'any' is no deed in particular
    ("Kenya, which will call the shots in any offensive, met Tanzania on Monday.",
     [("190", "KEN", "TZA", "2021-10-14", "published", "hypothetical"), ("040", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # an intention no one has is no intention: 'no plans to', a decision not made; one that is
    # someone's own stays theirs whatever is done with it
    ("Kenya has no plans to attack Tanzania.", [("190", "KEN", "TZA", "2021-10-14", "published", "negated")]),
    ("Kenya has not made any decision to attack Tanzania.", [("190", "KEN", "TZA", "2021-10-14", "published", "negated")]),
    ("Kenya made a decision to attack Tanzania.", [("138", "KEN", "TZA", "2021-10-14", "published", "intended")]),
    # what one has yet to do is not done; a negation ends at 'but'
    ("Kenya has yet to withdraw its troops from Tanzania.", [("0874", "KEN", "TZA", "2021-10-14", "published", "negated")]),
    ("Kenya did not attack Tanzania but shelled Uganda.",
     [("190", "KEN", "TZA", "2021-10-14", "published", "negated"), ("190", "KEN", "UGA", "2021-10-14", "published", "asserted")]),
    # 'is going to' is the future, as 'will' is; 'was not going to' still denies the deed
    ("Kenya is going to attack Tanzania, its president said.", [("138", "KEN", "TZA", "2021-10-14", "published", "intended")]),
    ("Kenya was not going to attack Tanzania.", [("190", "KEN", "TZA", "2021-10-14", "published", "negated")]),
    # what follows from a condition is not done; a warning with a condition is made all the same
    # an event noun that is the subject of a verb of the same deed is that verb's event, and dates it
    ("The Kenyan attack on Monday killed 22 Tanzanian soldiers.", [("190", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # a bare event noun after 'after' or 'since' only dates what is told: no arrest told here
    ("Kenyan police said documents from Tanzania were found after his arrest.",
     [("010", "KEN", None, "2021-10-14", "published", "asserted")]),
    # a purpose happens when the deed it is the purpose of does
    ("Kenyan police fired tear gas on Monday to disperse Tanzanian protesters.",
     [("175", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # a deed that names no target of its own takes its purpose's ('fought to defeat X': X), not the doer's own country
    ("Kenyan troops fought in the north to defeat Tanzanian rebels.", [("190", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    # a purpose is as done as the deed it is the purpose of
    ("Kenya did not send troops to protect Tanzania.",
     [("062", "KEN", "TZA", "2021-10-14", "published", "negated"), ("074", "KEN", "TZA", "2021-10-14", "published", "negated")]),
    # what one is forced to do is done
    ("Kenyan police were forced to open fire on Tanzanian protesters on Monday.",
     [("193", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # a verb of saying with a clause of fact states it, whatever its dictionary's code; 'insist' on
    # what is to be done demands it
    ("Kenya argued on Monday that the Tanzanian economy was growing.", [("010", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Kenya claimed on Monday that its economy was growing faster than Tanzania's.",
     [("010", "KEN", None, "2021-10-11", "text", "asserted")]),
    ("Kenya insisted on Monday that Tanzania step down.", [("100", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # what one expects of others is a forecast, a statement (the files' EXPECT is 030)
    ("Kenya expected Tanzania to lose the election, its foreign minister said on Monday.",
     [("010", "KEN", None, "2021-10-11", "text", "asserted")]),
    # a bare verb the parser coordinated with 'wants' goes with its infinitive: wanted, not done
    ("Kenya wants to prevent a Tanzanian attack, and reassure its allies Uganda and Rwanda.",
     [("032", "KEN", "TZA", "2021-10-14", "published", "intended"), ("032", "KEN", "UGA", "2021-10-14", "published", "intended"),
      ("032", "KEN", "RWA", "2021-10-14", "published", "intended")]),
    # telling someone to do a thing is an order, as 'ordered' is; telling a fact, a statement
    ("Kenya told Tanzania on Monday to withdraw its troops.", [("100", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # signalling or indicating what one will do says it: the intention is the event
    ("Kenya signalled on Monday that it would withdraw its troops from Somalia.",
     [("035", "KEN", "SOM", "2021-10-11", "text", "asserted")]),
    # what one prefers to do is wanted, not done
    ("Kenya prefers to negotiate with Tanzania.", [("032", "KEN", "TZA", "2021-10-14", "published", "intended")]),
    # an open question is no plan: 'whether' before 'will'
    ("Kenya is examining whether it will send troops to Tanzania.",
     [("090", "KEN", "TZA", "2021-10-14", "published", "asserted"), ("062", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    # no one as the subject denies the deed; a conjunct with a subject of its own has its own mode
    ("None of the Kenyan officers attacked Tanzania.", [("190", "KEN", "TZA", "2021-10-14", "published", "negated")]),
    ("Kenya did not attack Tanzania on Monday, but Uganda attacked Tanzania on Tuesday.",
     [("190", "KEN", "TZA", "2021-10-11", "text", "negated"), ("190", "UGA", "TZA", "2021-10-12", "text", "asserted")]),
    # an infinitive under 'able', 'quick' is done as far as its copula says; under 'due', 'likely' ahead
    ("Kenyan police were able to arrest the Tanzanian suspect on Monday.",
     [("173", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Kenyan police are due to arrest the Tanzanian suspect.", [("137", "KEN", "TZA", "2021-10-14", "published", "intended")]),
    ("Kenyan police were unable to arrest the Tanzanian suspect.", [("173", "KEN", "TZA", "2021-10-14", "published", "negated")]),
    ("Kenya sends troops to Tanzania if the rebels advance.", [("062", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    ("Kenya warned Tanzania of war if the talks fail.", [("110", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    # a verb of trying or meaning to does nothing of its own: what it seeks is the deed, intended
    ("Kenya sought to persuade Tanzania on Monday.", [("032", "KEN", "TZA", "2021-10-11", "text", "intended")]),
    # an event noun that is to end is not reported by the ending: its end is the news
    ("Kenya pleaded with Tanzania to halt the offensive.", [("020", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
    ("Kenyan police stopped the protest on Monday.", []),
    # a deed with no 'by' agent, done in an actor's attack, is that actor's
    ("Three Kenyan protesters were killed in an Ethiopian airstrike on Monday.",
     [("190", "ETH", "KEN", "2021-10-11", "text", "asserted"), ("195", "ETH", "KEN", "2021-10-11", "text", "asserted")]),
    # 'X is thought (believed, said) to have done': X's deed, believed, not known: hypothetical
    ("Kenya is thought to have supplied the missiles to Tanzania.", [("060", "KEN", "TZA", "2021-10-14", "published", "hypothetical")]),
    # what is sent or supplied is not the target, whom it goes to is ('provided X with' makes X the one)
    ("Kenya sent troops into Tanzania on Monday.", [("062", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Kenya provided Tanzania with weapons on Monday.", [("072", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # killing by irregular fighters is unconventional violence (1823), by a state's troops military force (190);
    # shooting down an aircraft is combat either way
    ("Kenyan rebels killed a Tanzanian official on Monday.", [("1823", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Kenyan troops killed a Tanzanian official on Monday.", [("190", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    ("Kenyan rebels shot down a Tanzanian jet on Monday.", [("190", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # a passive conjunct's shared subject underwent it: the rebels attacked, they did not kill
    ("The Tanzanian rebels attacked the town and were killed on Monday.",
     [("190", "TZA", "TZA", "2021-10-14", "published", "asserted")]),
    # refusing to comment declines comment (011), once: 'decline' itself (120) is not another event
    ("The Kenyan foreign ministry declined to comment on Monday.", [("011", "KEN", None, "2021-10-11", "text", "asserted")]),
    # rebels who name no one else act towards their own state
    ("Kenyan rebels surrendered on Monday.", [("080", "KEN", "KEN", "2021-10-11", "text", "asserted")]),
    # a place that names an accord or a meeting is where it was made, not a party to it
    ("Kenya rejected the Nairobi agreement on Monday.", [("120", "KEN", None, "2021-10-11", "text", "asserted")]),
    ("Kenya rejected the UN ceasefire on Monday.", [("1246", "KEN", "UNO", "2021-10-11", "text", "asserted")]),
    ("The Nairobi peace talks collapsed on Monday.", []),  # (not Kenya's talks)
    # suspending ties, aid or an accord reduces relations (CAMEO 161, 162, 160)
    ("Kenya suspended ministerial contacts with Tanzania on Monday.", [("161", "KEN", "TZA", "2021-10-11", "text", "asserted")]),
    # 'is to do' and 'is considering doing' are plans, not deeds
    ("Kenya is to suspend its aid to Tanzania.", [("162", "KEN", "TZA", "2021-10-14", "published", "intended")]),
    ("Kenya is considering suspending its aid to Tanzania.", [("162", "KEN", "TZA", "2021-10-14", "published", "intended")]),
    # a deed done again and again is no deed of the publication day
    ("Kenya has repeatedly criticized Tanzania.", [("111", "KEN", "TZA", None, "earlier", "asserted")]),
    # ... nor one done 'recently': some day before it, the text does not say which
    ("Kenya recently criticized Tanzania.", [("111", "KEN", "TZA", None, "earlier", "asserted")]),
    # ... nor one done over a span up to it
    ("Kenya has arrested hundreds of Somalis over the past two years.", [("173", "KEN", "SOM", None, "earlier", "asserted")]),
    ("Kenyan jets have bombed Somali villages in recent weeks.", [("190", "KEN", "SOM", None, "earlier", "asserted")]),
    # ... a perfect for a span lasts up to the day ('has fought X for 40 years'); a simple past says nothing of when
    ("Somali rebels have fought Kenya for more than 20 years.", [("190", "SOM", "KEN", None, "earlier", "asserted")]),
    # ... the adjective 'recent' dates no deed
    ("Kenya condemned the recent Tanzanian sanctions on Somalia.", [("111", "KEN", "TZA", "2021-10-14", "published", "asserted")]),
])
def test_the_tree_coder_reads_roles_mode_and_dates_off_the_parse(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the verb of an 'after' clause with a span is that many days before the event it hangs on
    ("Germany expelled two Russian diplomats on Tuesday, two days after Russia arrested a German journalist.",
     [("161", "DEU", "RUS", "2021-10-12", "text", "asserted"), ("173", "RUS", "DEU", "2021-10-10", "text", "asserted")]),
    # ... counted from the publication day when that event has no date of its own
    ("Germany expelled two Russian diplomats, a day after Russia arrested a German journalist.",
     [("161", "DEU", "RUS", "2021-10-14", "published", "asserted"), ("173", "RUS", "DEU", "2021-10-13", "text", "asserted")]),
    # 'hours after' is the same day
    ("Ethiopian troops entered Somalia on Friday, hours after the Somali president invited Ethiopia.",
     [("040", "SOM", "ETH", "2021-10-08", "text", "asserted")]),
    # the other way round: the event after a dated one takes that date plus the span
    ("Two days after Russia attacked Ukraine on Monday, Germany condemned Russia.",
     [("190", "RUS", "UKR", "2021-10-11", "text", "asserted"), ("111", "DEU", "RUS", "2021-10-13", "text", "asserted")]),
    # with no span, what follows an event dated to the day is told of that day, also past an
    # infinitive ('agreed to withdraw after talks on Friday': the talks are past, so is Friday)
    ("Kenyan police arrested the Tanzanian leaders after they crossed the border on Friday.",
     [("173", "KEN", "TZA", "2021-10-08", "text", "asserted")]),
    ("Kenya agreed to withdraw its troops from Somalia after talks in Nairobi on Friday.",
     [("030", "KEN", "SOM", "2021-10-08", "text", "asserted"), ("0874", "KEN", "SOM", "2021-10-08", "text", "asserted"),
      ("046", "KEN", "SOM", "2021-10-08", "text", "asserted")]),
    # an undated event before one dated before the publication day is no event of that day
    ("Before invading Somalia in 2019, Kenya told Tanzania to withdraw its troops.",
     [("192", "KEN", "SOM", "2019-01-01", "text", "asserted"), ("100", "KEN", "TZA", None, "earlier", "asserted")]),
    # ... not of a year: what follows 'the protest in 2019' may be years later
    ("Kenyan police arrested the Tanzanian leaders after the protest in 2019.",
     [("173", "KEN", "TZA", "2021-10-14", "published", "asserted")]),  # (the police did not protest: no 141 by them)
])
def test_an_event_a_span_before_or_after_another_is_dated_from_it(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a reported deed without a date of its own happened by the day it was said
    ("The rebels said on Monday that they had attacked a Kenyan army base.",
     [("190", "KEN", "KEN", "2021-10-11", "text", "asserted")]),
    # ... its own date comes first
    ("Israel said on Monday that Hamas attacked Israel on Sunday.", [("190", "PSE", "ISR", "2021-10-10", "text", "asserted")]),
    # ... also where the parse hangs the saying's date, before the clause, on the clause
    ("The Kenyan army said on Tuesday it had killed 30 Somali militants in an operation last week.",
     [("190", "KEN", "SOM", "2021-10-04", "text", "asserted")]),
    # ... and a saying without a date leaves the publication day
    ("Kenyan rebels said that they had attacked an army base.", [("190", "KEN", "KEN", "2021-10-14", "published", "asserted")]),
    # '..., he said' goes on with the speaker just quoted, and the date that saying had
    ("Kenyan police chief John Mwangi said on Tuesday that the attack was carried out by 28 men. "
     "Police had arrested 17 Tanzanians, he said.",
     [("010", "KEN", None, "2021-10-12", "text", "asserted"), ("173", None, "TZA", "2021-10-12", "text", "asserted")]),
    # ... not someone else's saying
    ("Kenyan police chief John Mwangi said on Tuesday that the attack was carried out by 28 men. "
     "Police had arrested 17 Tanzanians, the minister said.",
     [("010", "KEN", None, "2021-10-12", "text", "asserted"), ("173", None, "TZA", "2021-10-14", "published", "asserted")]),
])
def test_a_reported_deed_takes_the_date_of_its_saying(text, expected):
    assert _events(text) == expected


def test_a_feature_tells_undated_deeds_of_the_past_before_its_day():
    # a long story whose lead dates nothing near its day is no news of the day: an undated deed in
    # the simple past is earlier, not of the publication day; a saying stays the reporter's day's
    feature = " ".join(["The war has changed the region."] * 10)
    assert _events(feature + " Kenya negotiated a ceasefire with Tanzania. Kenya said Tanzania was wrong.") == [
        ("050", "KEN", "TZA", None, "earlier", "asserted"), ("010", "KEN", "TZA", "2021-10-14", "published", "asserted")]
    # the same deed in a story whose lead dates the day's news, or in a brief, is of the publication day
    news = "Kenya attacked Tanzania on Monday. " + " ".join(["The war has changed the region."] * 10)
    assert ("050", "KEN", "TZA", "2021-10-14", "published", "asserted") in _events(news + " Kenya negotiated a ceasefire with Tanzania.")
    assert _events("Kenya negotiated a ceasefire with Tanzania.") == [("050", "KEN", "TZA", "2021-10-14", "published", "asserted")]


def test_a_feature_tells_its_present_perfect_deeds_as_before_its_day_but_not_its_lead():
    # in such a story 'has negotiated' in the body is a deed of some time before; in its lead it is
    # the story's news ('Turkey has warned it will not stand by'), of the publication day
    body = " ".join(["The war has changed the region."] * 10)
    assert _events(body + " Kenya has negotiated a ceasefire with Tanzania.") == [("050", "KEN", "TZA", None, "earlier", "asserted")]
    assert _events("Kenya has negotiated a ceasefire with Tanzania. " + body) == [
        ("050", "KEN", "TZA", "2021-10-14", "published", "asserted")]


def test_a_report_says_what_it_says_on_the_day_it_came_out():
    events = _events("A report by Kenyan officials, released on Monday, accused Tanzania of arming the rebels.")
    assert ("112", "KEN", "TZA", "2021-10-11", "text", "asserted") in events


def test_an_event_without_a_target_is_about_the_story_country_only_while_the_story_is_on_it():
    story = "Tanzanian troops attacked rebels in Tanzania on Monday. Tanzania said the rebels had fled. "
    criticized = "The Kenyan president criticized the decision."
    near = [e.target_country for e in code_text(story + criticized, PUBLISHED) if e.cameo_code == "111"]
    # a short story (under ten sentences) stays on the countries it named, however many sentences on
    far = [e.target_country for e in code_text(
        story + "The rebels hid in the hills. The hills were steep. The roads were closed. " + criticized, PUBLISHED)
        if e.cameo_code == "111"]
    assert (near, far) == (["TZA"], ["TZA"])
    # in a long story (ten sentences or more) only the sentence itself keeps it on a country
    long = story + "Tanzania is a large country. " + " ".join(["The hills were steep."] * 8) + " Tanzania was calm. "
    in_long = [e.target_country for e in code_text(long + "Tanzania held a vote. " + criticized, PUBLISHED) if e.cameo_code == "111"]
    assert in_long == [None]


def test_the_story_pair_that_gives_an_untargeted_event_its_other_side_is_two_states():
    # Isis is named most after Kenya, but it is no state: Kenya's condemnation names no target
    events = code_text("Isis attacked Kenya on Monday. Isis fighters killed ten Kenyan soldiers. "
                       "Kenya condemned the decision on Tuesday.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in events if e.cameo_code == "111"] == [("KEN", None)]


def test_a_noun_of_relation_inside_a_phrase_is_not_its_other_side():
    # 'the leaders of Tanzania's allies' are not Tanzania (the story's pair still gives its country)
    [event] = code_text("The Kenyan president met the leaders of Tanzania's allies on Monday.", PUBLISHED)
    assert (event.cameo_code, event.source_country, event.target_name) == ("040", "KEN", None)


@pytest.mark.parametrize("text, codes", [
    # a private person's trip to a country consults no one; a head of state's visit does
    ("Kenyan John Mwangi travelled to Somalia in 2014.", []),
    ("Kenyan President Uhuru Kenyatta travelled to Somalia in 2014.", ["040"]),
])
def test_a_private_persons_trip_is_no_consultation(text, codes):
    assert [e.cameo_code for e in code_text(text, PUBLISHED)] == codes


@pytest.mark.parametrize("text, codes", [
    # outside a quotation 'me' is the writer: the reporter's own story is no deed of politics
    ("Kenyan police searched me at the border.", []),
    ("The Kenyan president described the war to me.", []),
    # inside one it is the speaker, who may be anyone's target
    ("“Kenyan police arrested me at the border,” a Tanzanian said.", ["173"]),
])
def test_a_deed_done_to_the_writer_is_no_event(text, codes):
    assert [e.cameo_code for e in code_text(text, PUBLISHED)] == codes


def test_a_relative_pronoun_object_stands_for_its_antecedent():
    # 'whom' is an object, also through a saying inside its clause
    assert ("190", "KEN", "SOM", "2021-10-11", "text", "asserted") in _events(
        "Kenya's army said on Tuesday it had found the body of Somali rebel leader Ahmed Ali, whom it said Kenyan troops "
        "had killed on Monday.")
    # 'which' stands for an actor named as the antecedent ...
    assert ("190", "ETH", "SOM", "2021-10-11", "text", "asserted") in _events("Kenya condemned al-Shabaab, which Ethiopia attacked on Monday.")
    # ... not for a thing with a place in its name: 'on Somalia' is whom the bombing is blamed on
    assert ("112", "ETH", "SOM", "2021-10-14", "published", "asserted") in _events(
        "Kenya condemned the Nairobi bombing, which Ethiopia blamed on Somalia.")


def test_a_place_that_names_an_attack_is_where_it_struck_not_who_struck():
    # 'the Mombasa attack' is no attack by Mombasa (Phoenix files the city under Kenya)
    events = code_text("Kenya blamed Somalia for the Mombasa attack.", PUBLISHED)
    assert [(e.cameo_code, e.source_name) for e in events] == [("1124", "Kenya")]
    assert code_text("Somalia said the Mombasa bombing was the work of foreigners.", PUBLISHED)[0].source_name == "Somalia"
    # so is a city that names a massacre through a noun between ('the Mombasa nightclub
    # massacres'), and one that names a gathering is where it was held, no one who held it
    massacres = code_text("The Mombasa nightclub massacres by Tanzanian militants shocked Kenya.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_name) for e in massacres] == [("202", "TZA", "Mombasa")]
    assert code_text("The Nairobi protests spread to Mombasa on Monday.", PUBLISHED) == []


def test_a_place_in_a_persons_apposition_is_not_the_person():
    # 'Mahmoud Ali, a teacher from Aleppo' is no one the dictionaries know: 'he' is not Erdogan,
    # named before, nor Aleppo
    events = code_text("Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin on Monday. "
                       "Mahmoud Ali, a teacher from Aleppo, said the talks had failed. He accused Russia of the attack.", PUBLISHED)
    assert not [e for e in events if e.cameo_code.startswith("112")]


@pytest.mark.parametrize("text", [
    "Kenya accused Tanzania of attacking Kenyan troops.",
    "Kenya blamed Tanzania for attacking Kenyan troops.",
    "Tanzania was accused of attacking Kenyan troops.",
])
def test_a_deed_someone_is_accused_of_is_theirs_and_alleged(text):
    # the accusation is the event; what it alleges is the accused's, not told as done
    events = code_text(text, PUBLISHED)
    assert ("190", "TZA", "KEN", "hypothetical") in [(e.cameo_code, e.source_country, e.target_country, e.mode) for e in events]
    assert not [e for e in events if e.cameo_code == "190" and e.mode == "asserted"]


def test_a_deed_denied_is_negated():
    assert [(e.cameo_code, e.mode) for e in code_text("Kenya denied attacking Tanzania.", PUBLISHED)] == [("190", "negated")]


def test_what_is_feared_or_hoped_is_no_ones_plan():
    # 'will' under a verb of fearing is a possibility, not Tanzania's threat (138)
    assert [(e.cameo_code, e.source_country, e.mode) for e in code_text(
        "Kenyan officials fear that Tanzanian troops will attack Kenya.", PUBLISHED)] == [("190", "TZA", "hypothetical")]


def test_a_deed_with_no_object_is_negated():
    # 'gave no aid' says it was not given
    assert [(e.cameo_code, e.mode) for e in code_text("Kenya has offered Tanzania no support.", PUBLISHED)] == [("030", "negated")]


def test_a_clause_with_a_subject_of_its_own_does_not_take_its_governors():
    # 'the assessment that al-Shabaab had been defeated': no one said defeated it, not the ministers
    events = code_text("Kenyan ministers contradicted the Tanzanian assessment that al-Shabaab had been defeated.", PUBLISHED)
    assert [e.cameo_code for e in events] == ["110"]
    # a participle without one does ('adopted a resolution urging Tanzania to withdraw': the parliament urges)
    assert ("020", "KEN", "TZA") in [(e.cameo_code, e.source_country, e.target_country) for e in code_text(
        "The Kenyan parliament adopted a resolution urging Tanzania to withdraw.", PUBLISHED)]
    # ... but a passive one is not the verb's subject's deed ('a charity accused of violations': not by Kenya)
    assert code_text("Kenya closed a Somali charity accused of widespread violations.", PUBLISHED) == []
    assert [e.cameo_code for e in code_text("Kenya trained the Somali rebels allied with it.", PUBLISHED)] == ["030"]


def test_what_was_decided_or_agreed_is_taken_as_done_what_is_vowed_is_intended():
    decided = code_text("EU leaders agreed on Monday to impose further sanctions on Somalia.", PUBLISHED)
    assert ("163", "asserted") in [(e.cameo_code, e.mode) for e in decided]
    vowed = code_text("EU leaders vowed on Monday to impose further sanctions on Somalia.", PUBLISHED)
    assert [e.mode for e in vowed if e.cameo_code.startswith("16")] == ["intended"]
    # not what one agrees to do from now on
    agreeing = code_text("EU leaders agree to impose further sanctions on Somalia.", PUBLISHED)
    assert [e.mode for e in agreeing if e.cameo_code.startswith("16")] == ["intended"]


def test_putting_someone_under_arrest_arrests_them_being_under_arrest_does_not():
    put = code_text("The army put the former prime minister under arrest on Friday.", PUBLISHED)
    assert [(e.cameo_code, e.source_sector, e.target_sector) for e in put] == [("173", "MIL", "ELI")]
    assert code_text("The opposition leader has been under house arrest since 2011.", PUBLISHED) == []


def test_armed_men_shot_by_no_one_named_are_shot_by_the_police():
    shot = code_text("Two terrorists who were shot dead near the temple had attacked it on Monday.", PUBLISHED)
    assert ("COP", "UAF") in [(e.source_sector, e.target_sector) for e in shot if e.cameo_code[:2] in ("18", "19")]
    gunned = code_text("Two militants were gunned down in Srinagar on Monday.", PUBLISHED)
    assert [(e.source_sector, e.target_sector) for e in gunned] == [("COP", "UAF")]
    # a man the text names by a pronoun only is no gunman it names
    assert [e for e in code_text("He was shot from close range.", PUBLISHED) if e.source_sector == "COP"] == []


def test_the_possessor_of_an_arrest_is_arrested_unless_an_of_names_who():
    arrest = [e for e in code_text("Protests followed the opposition leader's arrest on Sunday.", PUBLISHED) if e.cameo_code == "173"]
    assert [(e.source_sector, e.target_sector) for e in arrest] == [("COP", "OPP")]
    arrest = [e for e in code_text("Russia's arrest of the journalist drew condemnation.", PUBLISHED) if e.cameo_code == "173"]
    assert [(e.source_country, e.target_sector) for e in arrest] == [("RUS", "MED")]


def test_their_own_troops_are_no_one_they_act_on():
    events = code_text("India and China agreed on Thursday to pull back their troops from the disputed border.", PUBLISHED)
    assert events and all(e.target_sector != "MIL" for e in events)
    assert ("IND", "CHN") in [(e.source_country, e.target_country) for e in events]


@pytest.mark.parametrize("text, source", [
    # a party the dictionaries do not name is one by its name, of the country a word before it says
    ("The Kenyan Socialist Party accused the government of overreacting.", ("KEN", "PTY")),
    ("Kenya's opposition Socialist Party accused the government of overreacting.", ("KEN", "OPP")),
    ("NAIROBI — The ruling National party rejected the proposal.", ("KEN", "GOV")),  # (the party as the Guardian writes it)
])
def test_a_name_headed_by_party_is_a_political_party(text, source):
    assert [(e.source_country, e.source_sector) for e in code_text(text, PUBLISHED)] == [source]


def test_a_surname_after_a_title_names_the_titled_person_later_though_no_dictionary_knows_the_name():
    # 'President Amos Wekesa', a name newer than the dictionaries: a later 'Wekesa' is the
    # president, of the country the story gives him (its dateline's)
    events = code_text("NAIROBI — Kenya will reopen its border, President Amos Wekesa said on Monday. "
                       "Wekesa visited Uganda on Tuesday.", PUBLISHED)
    assert ("042", "Wekesa", "KEN", "GOV", "UGA") in [
        (e.cameo_code, e.source_name, e.source_country, e.source_sector, e.target_country) for e in events]


def test_a_group_named_by_agent_words_alone_is_of_the_story_country_as_its_agents_are():
    # 'the Coast Liberation Front': capitalised words, but words of the agents file, no person's
    # name: of the country the story gives its rebels
    events = code_text("NAIROBI — The Coast Liberation Front denied the attack on Monday.", PUBLISHED)
    assert [(e.source_country, e.source_sector) for e in events] == [("KEN", "REB")]


def test_an_event_noun_in_the_plural_names_events_as_the_singular_does():
    events = code_text("Rallies by Kenyan opposition supporters spread to Mombasa on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.source_sector, str(e.event_date)) for e in events] == [("141", "KEN", "OPP", "2021-10-11")]
    events = code_text("Tanzanian massacres of Kenyan civilians were reported on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in events] == [("202", "TZA", "KEN")]


def test_a_sea_named_after_a_country_is_no_place_of_it():
    events = code_text("Pirates seized a tanker in the Gulf of Aden.", PUBLISHED)
    assert events and all(e.source_country != "YEM" and e.target_country != "YEM" for e in events)


def test_a_definite_armed_group_takes_up_the_last_one_named():
    text = ("NAIROBI — Kenyan troops killed 40 al Shabaab fighters in southern Somalia on Monday. "
            "The militants had ambushed a Kenyan convoy near the border on March 1.")
    ambush = [e for e in code_text(text, PUBLISHED) if e.sentence.startswith("The militants")]
    assert [(e.source_name, e.source_country) for e in ambush] == [("militants", "SOM")]
    # not after a group of no state: the militants are Isis's, whose code is no country
    text = ("BEIRUT — Syrian rebels shelled the city on Monday. Isis fighters attacked a checkpoint on Tuesday. "
            "The militants also killed two soldiers near Raqqa on Wednesday.")
    killing = [e for e in code_text(text, PUBLISHED) if e.sentence.startswith("The militants")]
    assert killing and all(e.source_country != "SYR" for e in killing)


def test_a_deed_done_in_an_attack_by_someone_is_theirs():
    events = code_text("Three Kenyan soldiers were wounded in an attack by Ethiopian troops on Monday.", PUBLISHED)
    assert ("190", "ETH", "KEN", "2021-10-11") in [(e.cameo_code, e.source_country, e.target_country, str(e.event_date)) for e in events]


def test_who_dies_in_a_clash_with_someone_died_at_their_hands():
    for text in ("Five Kenyan soldiers were killed in a clash with Tanzanian troops on Monday.",
                 "Five Kenyan soldiers were killed in fighting with Tanzanian troops on Monday."):
        events = code_text(text, PUBLISHED)
        assert [(e.cameo_root, e.source_country, e.target_country, str(e.event_date)) for e in events] == [("19", "TZA", "KEN", "2021-10-11")]


@pytest.mark.parametrize("text, expected", [
    # a speaker's own intention to cooperate, said: CAMEO's expressing of it (03x), done when said
    ("Ethiopia's ruling coalition said on Tuesday that it would fully accept the Algiers agreement.", ("030", "asserted")),
    ("Colombia's government said it will cooperate with the Haitian investigation.", ("031", "asserted")),
    # a deed with a day of its own is planned for that day; what one says another will do is no one's statement of intent
    ("Pakistan will release the captured pilot on Friday, Khan told parliament.", ("035", "intended")),
    ("Trump claimed that Mexico would pay for the wall.", ("031", "intended")),
    # a threat stays what is threatened, not done
    ("Sudan warned that it would send troops to the border.", ("031", "intended")),
])
def test_a_stated_intention_to_cooperate_is_the_stating(text, expected):
    assert expected in [(e.cameo_code, e.mode) for e in code_text(text, PUBLISHED)]


def test_a_gerund_before_or_after_a_deed_not_done_is_not_done():
    asked = code_text("Kenyan MPs called for the government to consult parliament before launching any military intervention in Somalia.", PUBLISHED)
    assert [e for e in asked if e.cameo_code[:2] == "19" and e.mode == "asserted"] == []
    # beside a deed done, it is done
    done = code_text("Kenyan troops crossed the border before attacking al-Shabaab bases in Somalia.", PUBLISHED)
    assert "asserted" in [e.mode for e in done if e.cameo_code[:2] == "19"]


def test_the_purpose_of_a_presence_is_intended_not_done():
    # 'is in Somalia to defeat al-Shabaab' says why Kenya is there, not that it defeated anyone
    assert [(e.cameo_code, e.mode) for e in code_text("Kenya is in Somalia to defeat al-Shabaab.", PUBLISHED)] == [("138", "intended")]


@pytest.mark.parametrize("text, codes", [
    # force done to a thing decided or proposed is no force against anyone
    ("Kenya killed off the Tanzanian proposal.", []),
    ("Kenya attacked the Tanzanian decision.", ["111"]),
    # ... a military position is no stance
    ("Kenya attacked Tanzanian positions.", ["190"]),
])
def test_force_against_a_thing_said_or_decided_is_words_or_nothing(text, codes):
    assert [e.cameo_code for e in code_text(text, PUBLISHED)] == codes


@pytest.mark.parametrize("text, events", [
    # an outlet the state runs speaks for its government; any other reports, it does no deed of state
    ("Syrian state television condemned the Turkish offensive.", [("111", "SYR", "GOV", "TUR")]),
    ("A Syrian newspaper condemned the Turkish offensive.", []),
])
def test_state_media_speak_for_the_state(text, events):
    assert [(e.cameo_code, e.source_country, e.source_sector, e.target_country) for e in code_text(text, PUBLISHED)] == events


def test_tanks_are_their_armys():
    # armour names its crew's army (as the files' WARPLANE [~MIL]); a think tank names no one
    [event] = code_text("Israeli tanks shelled Gaza on Monday.", PUBLISHED)
    assert (event.source_name, event.source_country, event.source_sector) == ("Israeli tanks", "ISR", "MIL")
    assert code_text("A think tank in Washington criticized Iran.", PUBLISHED) == []


def test_a_person_whose_apposition_only_names_a_place_is_a_civilian_of_it():
    # 'a British volunteer' says where Benton is from, not that Britain acts
    [event] = code_text("Kevin Benton, a British volunteer, praised Kenya.", PUBLISHED)
    assert (event.source_name, event.source_country, event.source_sector) == ("Benton", "GBR", "CVL")
    # ... and what a private person says is no deed of politics
    assert [e.cameo_code for e in code_text("“We have no food,” said Maha Yassin, a teacher from Mogadishu.", PUBLISHED)] == []


@pytest.mark.parametrize("text, mode", [
    # a conjunct in a tense of its own is a predicate of its own: the negation stays behind
    ("Kenya did not comment, but has condemned the Tanzanian intervention.", "asserted"),
    # ... one without shares it
    ("Kenya did not meet and discuss the plan with Tanzania.", "negated"),
])
def test_a_conjunct_in_a_tense_of_its_own_keeps_its_own_mode(text, mode):
    assert [e.mode for e in code_text(text, PUBLISHED) if e.cameo_code in ("111", "046")] == [mode]


@pytest.mark.parametrize("text, mode", [
    # the means of a deed ('by attacking') is as done as the deed
    ("Kenya could only stop the rebels by attacking Somalia.", "hypothetical"),
    ("Kenya responded by attacking Somalia on Monday.", "asserted"),
])
def test_the_means_of_a_deed_is_as_done_as_the_deed(text, mode):
    assert [e.mode for e in code_text(text, PUBLISHED) if e.cameo_code == "190"] == [mode]


@pytest.mark.parametrize("text", [
    "Kenya negotiated with the rebels instead of attacking Somalia.",
    "Kenya chose to negotiate rather than attack Somalia.",
])
def test_a_deed_passed_over_is_negated(text):
    assert [e.mode for e in code_text(text, PUBLISHED) if e.cameo_code == "190"] == ["negated"]


@pytest.mark.parametrize("text", [
    "The Kenyan president tweeted about attacking Somalia.",  # a topic, not a deed
    "Kenyan troops allegedly attacked Somalia on Monday.",  # said, not known
])
def test_a_deed_talked_about_or_alleged_is_hypothetical(text):
    assert [(e.cameo_code, e.mode) for e in code_text(text, PUBLISHED)] == [("190", "hypothetical")]


def test_conjoined_passives_share_their_by_agent():
    # 'abducted and killed by Somali rebels': the rebels abducted them too ...
    events = code_text("Ten Kenyan civilians were abducted and killed by Somali rebels.", PUBLISHED)
    assert ("181", "Somali rebels", "KEN") in [(e.cameo_code, e.source_name, e.target_country) for e in events]
    # ... but not a conjunct with a subject of its own
    events = code_text("Ten Kenyan civilians were abducted and they were killed by Somali rebels.", PUBLISHED)
    assert [e.cameo_code for e in events] == ["1823"]


def test_a_by_agent_that_names_no_actor_leaves_the_deed_without_a_doer():
    # 'a proposition disputed by many experts': the experts dispute it, not Kenya
    events = code_text("Kenya declared that al-Shabaab had been defeated, a proposition disputed by many experts.", PUBLISHED)
    assert [e.cameo_code for e in events] == ["010"]


def test_thinking_is_no_consultation():
    # THINK's block code is 040; an opinion consults no one (tools/derive_tables.py PATTERN_ONLY)
    assert [e.cameo_code for e in code_text("Kenyan officials thought that Tanzania was wrong.", PUBLISHED)] == []


@pytest.mark.parametrize("text, expected", [
    # verbs of force and coercion whose first sense is no deed code only through their patterns
    # (tools/derive_tables.py PATTERN_ONLY): dominating, struggling, engaging with, pulling off
    ("The Kenyan army dominates the ruling coalition.", []),
    ("Kenyan officials are struggling to cope with the refugees.", []),
    ("Kenya will continue to engage with Tanzania on the issue.", []),
    ("Kenyan officials pulled off the release of the hostages.", []),
    ("Kenya extracted guarantees from Tanzania.", []),
    # risking something is exposing one's own to it, no threat (RISK's 130)
    ("Kenya risks a broader confrontation with Tanzania.", []),
    ("Kenya will not risk the lives of its soldiers in Somalia.", []),
    # ... and engaged in a fight is fighting, with the fight's other side as the target
    ("Kenyan troops are engaged in combat with al-Shabaab.", [("190", "KEN", "SOM")]),
])
def test_verbs_of_force_whose_first_sense_is_no_deed(text, expected):
    assert [(e.cameo_code, e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == expected


def test_the_result_of_a_deed_has_its_target_and_conjoined_objects_reach_theirs():
    # 'launched artillery, mortar, and rocket fire against Kampuchean camps, killing 50': the
    # killing is at the camps the fire was launched against (roles.resulting, roles._conjuncts)
    events = code_text("Kenyan forces launched artillery, mortar, and rocket fire against Somali camps on Monday, "
                       "killing 50.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in events] == [("190", "KEN", "SOM")]


@pytest.mark.parametrize("text, expected", [
    # a deed done always, usually or routinely is a habit, no event; 'repeatedly' tells of deeds done
    ("Kenyan police routinely torture suspects in custody.", []),
    ("Kenyan troops had regularly gathered in the town.", []),
    ("Kenya has repeatedly accused Tanzania of aggression.", [("1123", "KEN", "TZA")]),
])
def test_a_deed_done_always_or_routinely_is_a_habit(text, expected):
    assert [(e.cameo_code, e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == expected


@pytest.mark.parametrize("text, expected", [
    # what a verb of naming calls something can condemn it: criticism (111) of its owner
    ("Kenya described Tanzania's decision as a crime.", [("111", "KEN", "TZA")]),
    ("The Kenyan president called the strikes a blunder.", [("111", "KEN", None)]),
    # ... or not
    ("Kenya described the talks with Tanzania as constructive.", [("010", "KEN", "TZA")]),
])
def test_naming_something_a_crime_criticises_it(text, expected):
    assert [(e.cameo_code, e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == expected


@pytest.mark.parametrize("text, expected", [
    # a politician's attack on, or clash with, a person is in words (111) ...
    ("The Kenyan senator Amos Kiprono clashed with President Uhuru Kenyatta on Monday.", [("111", "KEN", "KEN")]),
    ("Senator Bob Corker attacked President Trump on Monday.", [("111", "USA", "USA")]),
    # ... an armed doer's is force
    ("Kenyan troops attacked the rebel commander Ahmed Ali on Monday.", [("190", "KEN", "KEN")]),
])
def test_a_speakers_attack_on_a_person_is_in_words(text, expected):
    assert [(e.cameo_code, e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == expected


def test_whoever_is_behind_a_deed_did_it():
    # 'the group behind the attack': the group's attack, also as an apposition and where the parser
    # hangs 'behind' on the verb ('arrested the commander behind the attack')
    events = code_text("Al-Shabaab, the group behind the Westgate attack, threatened Kenya.", PUBLISHED)
    assert ("190", "SOM") in [(e.cameo_code, e.source_country) for e in events]
    events = code_text("Kenyan police arrested the al-Shabaab commander behind the Westgate attack.", PUBLISHED)
    assert [(e.cameo_code, e.source_country) for e in events if e.cameo_code == "190"] == [("190", "SOM")]


def test_the_other_side_of_an_event_noun_after_in_is_the_target():
    # 'took part in talks with Kabul': Kabul is the other side, not a place of the talks
    events = code_text("Kenyan officials took part in talks with Tanzania on Monday.", PUBLISHED)
    assert {e.target_country for e in events if e.cameo_code == "046"} == {"TZA"}


def test_what_is_prevented_is_not_reported_as_done():
    # 'to prevent clashes': the clashes did not happen (nor is preventing an accusation, PREVENT's 112)
    assert [e.cameo_code for e in code_text("Russia pulled back its forces to prevent clashes with Turkey.", PUBLISHED)
            if e.cameo_code.startswith(("19", "11"))] == []


@pytest.mark.parametrize("text, expected", [
    # suggesting that something is so says it (010); suggesting that it be done asks for it (020)
    ("Kenya suggested that Tanzania was wrong.", [("010", "KEN", "asserted")]),
    ("Kenya suggested that the talks should be postponed.", [("020", "KEN", "asserted")]),
    # what a speaker does not say is told by no one
    ("Kenya did not say that Tanzania attacked Somalia.", [("190", "TZA", "hypothetical")]),
])
def test_suggesting_and_not_saying(text, expected):
    assert [(e.cameo_code, e.source_country, e.mode) for e in code_text(text, PUBLISHED)] == expected


@pytest.mark.parametrize("text, expected", [
    # what a speaker says another must do is a demand of that one ...
    ("The Kenyan president said that Tanzania must withdraw its troops.", [("100", "KEN", "TZA")]),
    # ... what his own state must do, a statement
    ("The Kenyan president said that Kenya must protect its people.", [("010", "KEN", None)]),
])
def test_what_ones_own_side_must_do_is_no_demand(text, expected):
    assert [(e.cameo_code, e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == expected


@pytest.mark.parametrize("text, code, mode", [
    # an event noun asked for is not done, nor one coordinated with what is asked for
    ("The Kenyan president called for a ban on the party and the arrest of its Tanzanian leaders.", "173", None),
    # an event noun is as sure as the verb it is the subject of, or of a support verb's phrase
    ("A Kenyan attack on Tanzania would cause a disaster.", "190", "hypothetical"),
    ("Kenyan police may put the Tanzanian leaders under house arrest.", "173", "hypothetical"),
    ("Kenyan police put the Tanzanian leaders under house arrest on Monday.", "173", "asserted"),
    # what may come has not happened: 'the risk of', 'vulnerable to'
    ("Tanzania warned of the risk of a Kenyan attack on Tanzania.", "190", "hypothetical"),
    ("The withdrawal left Tanzania vulnerable to a Kenyan attack.", "190", "hypothetical"),
    ("Somalia faces the threat of a Kenyan attack.", "190", "hypothetical"),
    # ... and so do adjectives: 'an alleged attack' is not known to have happened, 'planned talks' are to come
    ("There was an alleged Kenyan attack on Somalia on Monday.", "190", "hypothetical"),
    ("The planned talks between Kenya and Tanzania were postponed.", "036", "intended"),
])
def test_an_event_noun_takes_the_mode_of_its_verb(text, code, mode):
    assert [e.mode for e in code_text(text, PUBLISHED) if e.cameo_code == code] == ([mode] if mode else [])


@pytest.mark.parametrize("text, codes", [
    # a deed in the simple present, undated, is a habit or a general truth: no event
    ("Kenya hosts the largest American naval base in the region.", []),
    ("The Tanzanian army arrests more journalists than any other force.", []),
    # dated, it is news told in the present; in a headline, the day's news
    ("Kenya hosts the regional summit on Tuesday.", ["043"]),
    ("Kenyan police arrest Tanzanian opposition leaders", ["173"]),
    # the past, the perfect and the progressive report deeds; a stance is taken now
    ("Kenya hosted the regional summit.", ["043"]),
    ("Kenyan police are arresting Tanzanian opposition leaders.", ["173"]),
    ("Kenya rejects the Tanzanian proposal.", ["120"]),
])
def test_a_deed_told_in_the_simple_present_without_a_date_is_a_habit_not_an_event(text, codes):
    assert [e.cameo_code for e in code_text(text, PUBLISHED) if e.mode == "asserted"] == codes


@pytest.mark.parametrize("text, country", [
    # police whom nothing places are of the one country the sentence puts them in
    ("The Tanzanian couple were on holiday in a resort in Kenya when police arrested them on Monday.", "KEN"),
    # not of a place told in a clause about someone else, nor of two countries
    ("Police arrested two men on Monday who had fought in Somalia and in Ethiopia.", None),
    ("The Ugandan couple were on holiday in Kenya and in Tanzania when police arrested them on Monday.", None),
    ("The Ugandan couple were on holiday in Kenya and Tanzania when police arrested them on Monday.", None),
])
def test_police_whom_nothing_places_are_of_the_country_the_sentence_puts_them_in(text, country):
    assert [e.source_country for e in code_text(text, PUBLISHED) if e.cameo_code == "173"] == [country]


@pytest.mark.parametrize("text, target", [
    # a country that only names a border is where, on either side, not whom
    ("Kenyan troops captured a rebel camp on the Somali border on Monday.", "KEN"),
    # a possessor names the side: villages near Somalia's border are Somalia's
    ("Kenyan troops captured villages near Somalia's border with Ethiopia on Monday.", "SOM"),
])
def test_a_country_that_names_a_border_is_no_party_but_a_possessor_names_the_side(text, target):
    assert [e.target_country for e in code_text(text, PUBLISHED)] == [target]


@pytest.mark.parametrize("text, source", [
    # a person takes the role the apposition gives them in this text
    ("Gen Amos Kiprono, Uganda's army chief of staff, met Kenyan officials in Nairobi on Monday.", ("UGA", "MIL")),
    ("Amos Kiprono, the United Nations envoy, met Kenyan officials in Nairobi on Monday.", ("UNO", "GOV")),
    # an acronym in brackets is the same body, no role
    ("The Kenya Defence Forces (KDF) met Ugandan officials in Nairobi on Monday.", ("KEN", "MIL")),
    # a place name that its apposition says is a body is that body: Sana is Syria's news agency,
    # not Yemen's capital
    ("Sana, the Syrian state news agency, criticized Kenya on Monday.", ("SYR", "GOV")),
])
def test_a_person_takes_the_role_their_apposition_gives(text, source):
    assert [(e.source_country, e.source_sector) for e in code_text(text, PUBLISHED)] == [source]


@pytest.mark.parametrize("text, expected", [
    # 'managed to' does what it manages: no cooperation (Phoenix MANAGE 060) of its own
    ("Kenyan police managed to arrest the Tanzanian suspects on Monday.", [("173", "asserted")]),
    ("Kenyan police did not manage to arrest the Tanzanian suspects on Monday.", [("173", "negated")]),
])
def test_an_implicative_verb_is_no_event_its_infinitive_is_as_done_as_it(text, expected):
    assert [(e.cameo_code, e.mode) for e in code_text(text, PUBLISHED)] == expected


@pytest.mark.parametrize("text, code", [
    # what reports, claims or allegations say is hearsay, not told as so
    ("There were reports on Monday that Kenyan police had arrested the Tanzanian leaders.", "173"),
    ("Tanzania rejected Kenya's claim that Tanzanian troops had shelled the border town.", "190"),
])
def test_a_deed_in_what_a_report_or_claim_says_is_not_told_as_done(text, code):
    assert [e.mode for e in code_text(text, PUBLISHED) if e.cameo_code == code] == ["hypothetical"]


@pytest.mark.parametrize("text, pair", [
    # joint doers named in one noun do a mutual deed to each other; what they fire is no party
    ("Kenyan and Ugandan troops traded artillery fire on Friday.", ("UGA", "KEN")),
    # ... and act together on a third with any other verb
    ("Kenyan and Ugandan jets bombed rebel positions in Somalia on Friday.", ("KEN", "SOM")),
])
def test_joint_doers_in_one_noun_are_counterparts_only_of_a_mutual_deed(text, pair):
    assert [(e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == [pair]


@pytest.mark.parametrize("text, last", [
    # a state's force with no target nor place, in a story set in another country: done there
    ("Kenyan troops fought rebels in Somalia on Monday, the Kenyan army said. Kenyan officials said the fighting "
     "in Somalia went on. Kenyan jets also bombed villages on Tuesday.", ("KEN", "villages", "SOM")),
    ("Kenyan troops fought rebels in Somalia on Monday, the Kenyan army said. Kenyan officials said the fighting "
     "in Somalia went on. Kenyan jets also bombed on Tuesday.", ("KEN", None, "SOM")),
    # ... in a story set at home, at home
    ("Kenyan police clashed with protesters in Nairobi on Monday. The protests in Kenya were illegal, the "
     "government said. Kenyan troops also fired on Tuesday.", ("KEN", None, "KEN")),
])
def test_force_with_no_target_is_done_where_the_story_is_set_not_at_the_doers_home(text, last):
    event = code_text(text, PUBLISHED)[-1]
    assert (event.source_country, event.target_name, event.target_country) == last


@pytest.mark.parametrize("text, coded", [
    # a warning that foretells what neither the speaker does nor befalls the warned: pessimism
    ("Kenya warned on Monday that the drought in Somalia would worsen.", [("012", "KEN", None, "asserted")]),
    ("Kenya cautioned on Monday that the Tanzanian economy would shrink.", [("012", "KEN", None, "asserted")]),
    # ... one that says the speaker will act or the warned will pay is a threat
    ("Kenya warned on Monday that Tanzania would face retaliation.", [("130", "KEN", "TZA", "intended")]),
    ("Kenya warned Tanzania on Monday that it would respond.", [("130", "KEN", "TZA", "intended")]),
])
def test_a_warning_is_a_threat_only_when_it_says_the_speaker_will_act_or_the_warned_will_pay(text, coded):
    assert [(e.cameo_code, e.source_country, e.target_country, e.mode) for e in code_text(text, PUBLISHED)] == coded


@pytest.mark.parametrize("text, event", [
    # joining an armed force or group is military cooperation (the files' JOIN * &FIGHT), not a consultation
    ("Kenyan fighters joined al-Shabaab in 2019.", ("062", "Kenyan fighters", "al-Shabaab")),
    ("Kenyan fighters joined the talks in 2019.", ("040", "Kenyan fighters", None)),
    # 'fought for X' is on X's side; whom they fought is after 'against'
    ("Kenyan volunteers fought for the Somali army against al-Shabaab.", ("190", "Kenyan", "al-Shabaab")),
    # a place left does not do the leaver's purpose; a person left to do a thing does it
    ("Tanzanian President John Magufuli left Tanzania to meet Kenyan officials in Nairobi on Monday.",
     ("040", "Tanzanian President John Magufuli", "Kenyan officials")),
    ("Kenyan President Uhuru Kenyatta left the Tanzanian envoy to meet Ugandan officials on Monday.",
     ("040", "Tanzanian envoy", "Ugandan officials")),
])
def test_joining_an_armed_group_fighting_for_a_side_and_the_purpose_of_leaving_a_place(text, event):
    assert [(e.cameo_code, e.source_name, e.target_name) for e in code_text(text, PUBLISHED)] == [event]


def test_a_participle_with_its_doer_named_is_done_to_the_noun_it_modifies():
    # 'backed by Moscow and Tehran' is done to the forces, not by Moscow to Tehran, its co-doer (who
    # backs them too)
    events = code_text("Syrian government forces backed by Moscow and Tehran shelled the town on Monday.", PUBLISHED)
    assert [(e.source_country, e.target_country, e.target_name) for e in events if e.cameo_code == "050"] == [
        ("RUS", "SYR", "Syrian government forces"), ("IRN", "SYR", "Syrian government forces")]


@pytest.mark.parametrize("text, code, target", [
    # the joint doers of a passive act together on a third, not on each other (coercion with no
    # one named is aimed at the doer's own country)
    ("The opposition's participation was blocked on Monday by Kenya and Tanzania.", "170", "KEN"),
    # unless the verb is one of acting with each other
    ("The plan was agreed on Monday by Kenya and Tanzania.", "050", "TZA"),
])
def test_joint_doers_of_a_passive_are_counterparts_only_of_a_reciprocal_verb(text, code, target):
    assert [e.target_country for e in code_text(text, PUBLISHED) if e.cameo_code == code] == [target]


def test_whom_a_demand_asks_is_the_subject_of_the_clause_asked_for_also_in_the_passive():
    # (not the story's other country, Uganda)
    events = code_text("Kenya and Uganda met on Sunday. Kenya demanded on Monday that the Tanzanian troops be withdrawn.",
                       PUBLISHED)
    assert [(e.target_country, e.target_name) for e in events if e.cameo_code == "100"] == [("TZA", "Tanzanian troops")]


def test_he_in_what_an_unknown_person_says_is_that_person_not_the_last_one_named():
    # 'he' is Jonah Wekesa, whom no dictionary knows: no actor, not Kenyatta, named before
    events = code_text("Kenyan President Uhuru Kenyatta spoke on Monday. The trade secretary, Jonah Wekesa, hinted on "
                       "Tuesday he backs sanctions against Tanzania.", PUBLISHED)
    assert [e.cameo_code for e in events if e.source_name == "Kenyan President Uhuru Kenyatta"] == ["010"]


def test_who_undergoes_a_passive_is_the_antecedent_of_its_relative_pronoun_or_the_subject_of_a_bare_participle():
    # 'the fighter, who was killed': the fighter is the target
    events = code_text("The Kenyan fighter, who was killed in a Tanzanian airstrike on Monday, was buried.", PUBLISHED)
    assert [(e.source_country, e.target_name) for e in events if e.cameo_code == "190"] == [("TZA", "Kenyan fighter")]
    # 'to see X removed': X does not remove, and 'he' is then the one who wants it
    events = code_text("Kenyan President Uhuru Kenyatta wants to see Tanzanian President John Magufuli removed. "
                       "He called for talks with Uganda on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.source_name) for e in events if e.source_country == "TZA"] == []


def test_a_conjunct_without_a_subject_takes_the_nearest_conjunct_subject_before_it():
    # the parser makes all three verbs conjuncts of 'arrived': 'killed' is the sentries' deed
    events = code_text("Tanzanian militants arrived in a car and opened fire, but Kenyan police sentries posted there "
                       "killed one of them on Monday.", PUBLISHED)
    assert [(e.source_country, e.source_sector) for e in events if e.cameo_code == "190"] == [("KEN", "COP")]


def test_a_speaking_verb_hung_on_a_reported_clause_is_the_speakers():
    # the parser coordinates 'pledged' with 'appeared' inside what was said: the pledge is the government's
    events = _events("The Kenyan government said on Monday that some of the suspects appeared to be retired soldiers "
                     "and pledged to cooperate fully with the investigation.")
    assert ("030", "KEN", None, "2021-10-11", "text", "asserted") in events


def test_only_people_give_surnames_and_a_date_is_no_name():
    from eventpipe.transforms.coding.actors import article_aliases
    aliases = article_aliases(["The United States and Saudi Arabia met on Monday.",
                               "In February, the Syrian president spoke.", "Kenyan President Uhuru Kenyatta said so."], PUBLISHED)
    assert sorted(aliases) == ["kenyatta"]  # not 'states', 'arabia' (places), nor 'february' (before a title's comma)


def test_a_we_quoted_after_an_unknown_speaker_is_no_actor_named_before():
    # the farmer speaks last: 'we' is the farmer's people, not Kenya named two sentences before
    assert _events("Kenya attacked Tanzania on Monday. A farmer in the town said the night was long. "
                   "“We attacked their camp.”") == [("190", "KEN", "TZA", "2021-10-11", "text", "asserted")]


def test_a_participle_clause_happens_when_its_governor_does():
    assert ("1123", "THA", "KHM", "2021-10-12", "text", "asserted") in _events(
        "The Thai army declared martial law on Tuesday, accusing Cambodia of attacks.")


def test_a_clause_of_the_same_time_is_dated_as_its_governor():
    # 'as', 'when', 'while': the rebels attacked when the troops entered, in 2019
    assert _events("Kenyan troops entered Somalia in 2019 as Somali rebels attacked Kenya.") == [
        ("190", "SOM", "KEN", "2019-01-01", "text", "asserted")]
    # ... but not a clause the text puts before it ('as Somalia has repeatedly accused Kenya')
    assert _events("Kenya entered Somalia in 2019, as Somalia has repeatedly accused Kenya.") == [
        ("112", "SOM", "KEN", None, "earlier", "asserted")]


def test_a_bare_weekday_takes_its_direction_from_the_tense_in_the_tree():
    # the tagger reads 'agreed to' as a plan and puts Friday after the publication day; in the tree
    # the talks come before an agreement in the past
    assert ("046", "SEN", "GMB", "2021-10-08", "text", "asserted") in _events(
        "Senegal agreed to withdraw its troops after talks with Gambia on Friday.")
    # an infinitive of a plan says nothing against the tagger
    assert ("036", "GMB", "SEN", "2021-10-15", "text", "intended") in _events("Gambia agreed to hold talks with Senegal on Friday.")
    # the other way: a verb in the future takes the next such day, whatever the tagger said
    doc = parser()("Senegal will meet Gambia on Tuesday.")
    tuesday = Timex(doc.text.index("Tuesday"), doc.text.index("Tuesday") + 7, "Tuesday", "DATE", "2021-10-12", "day")
    meet = doc[2]
    assert date_of(meet, anchors(doc, 0, [tuesday], {meet.i}), PUBLISHED) == (date(2021, 10, 19), "day", "2021-10-19", "text")


def test_datelines_name_their_country():
    assert dateline("GOMA, Congo — Shops reopened.") == (len("GOMA, Congo — "), "COD")
    assert dateline("MARIKANA, South Africa (Reuters) - Police fired.")[1] == "ZAF"
    assert dateline("Russia attacked Ukraine.") == (0, None)
    # a city of international venues names no story country: a Brussels story is the EU's, not Belgium's
    assert dateline("BRUSSELS — EU leaders agreed on sanctions.") == (len("BRUSSELS — "), None)
    events = code_text("BRUSSELS — EU leaders condemned Belarus on Monday. Police detained a journalist on Sunday.", PUBLISHED)
    assert events and all(e.target_country != "BEL" and e.source_country != "BEL" for e in events)
    # filed from two places: a dateline, of no one country, and no actor of the first sentence
    assert dateline("GAZA/JERUSALEM — Israeli air strikes killed 20 Palestinians.") == (len("GAZA/JERUSALEM — "), None)
    events = code_text("NAIROBI/KAMPALA — Ugandan troops killed 20 Kenyan soldiers in Busia on Monday, Kenyan officials said.", PUBLISHED)
    assert [(e.cameo_root, e.source_country, e.target_country) for e in events] == [("19", "UGA", "KEN")]


def test_a_religion_is_a_sector_not_a_country():
    from eventpipe.transforms.coding.actors import RELIGIONS, place_actors

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


def test_an_event_keeps_its_sentence_with_the_dateline_it_was_parsed_without():
    text = "NAIROBI — Kenyan police arrested two opposition leaders on Monday. They were freed later."
    event = code_text(text, PUBLISHED)[0]
    assert (event.sentence, event.start, event.end) == (text[:66], 0, 66)


def test_a_batch_of_articles_is_coded_as_each_article_alone():
    from pathlib import Path

    from eventpipe.transforms.coding.coder import code_batch, code_events
    from eventpipe.transforms.sentences import split_sentences
    from eventpipe.transforms.timexes import tag_timexes

    texts = [
        (Path(__file__).resolve().parents[1] / "examples" / "border-trade.txt").read_text(encoding="utf-8"),
        "NAIROBI — Kenyan police arrested two opposition leaders on Monday. They were freed later.",
        "The weather was mild.",  # nothing to parse
        "Russia attacked Ukraine on Tuesday. Ukraine condemned the attack and Russia denied it.",
    ]
    articles = [(text, split_sentences(text), tag_timexes(text, PUBLISHED), PUBLISHED) for text in texts]
    batch = code_batch(articles)
    assert batch == [code_events(*article) for article in articles]
    assert [bool(events) for events in batch] == [True, True, False, True]
    assert code_batch([]) == []


def test_he_or_she_stands_for_a_person_named_in_the_sentence_or_the_three_before_it():
    # sentences no coder parses come between: past three, 'he' is someone the story brought in since
    named = "Kenyan President Uhuru Kenyatta met Ugandan President Yoweri Museveni on Monday. "
    between = "The weather was warm. The road was long. The hotel was quiet. "
    told = "He criticised Somalia on Sunday."
    near = code_text(named + told, PUBLISHED)
    assert [(e.source_country, e.target_country) for e in near if e.cameo_code == "111"] == [("KEN", "SOM")]
    far = code_text(named + between + told, PUBLISHED)
    assert [e.cameo_code for e in far] == ["040"]
    # a 'he' that stood for him names him again: a chain of his deeds keeps him
    chain = code_text(named + "He criticised Somalia on Sunday. The weather was warm. The road was long. "
                      "He criticised Ethiopia on Sunday.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in chain if e.cameo_code == "111"] == [("KEN", "SOM"), ("KEN", "ETH")]


def test_a_bare_past_participle_clause_is_undergone_by_the_governors_subject():
    # 'Backed by Ethiopia, the Somali government ...': Ethiopia backs it, not it Ethiopia
    events = code_text("Backed by Ethiopia, the Somali government refused to negotiate with al-Shabaab.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in events if e.cameo_code == "050"] == [("ETH", "SOM")]
    # with no 'by', no one named did it: the aid workers recaptured no town
    events = code_text("Kenyan aid workers are involved in the stabilisation effort in towns recaptured from al-Shabaab.", PUBLISHED)
    assert [e.cameo_code for e in events if e.cameo_code.startswith("19")] == []


def test_the_possessor_of_a_noun_of_will_does_its_infinitive_and_had_willed_it_before():
    events = code_text("Kenya condemned Ethiopia's decision to withdraw troops from Somalia.", PUBLISHED)
    willed = [e for e in events if e.cameo_code != "111"]
    assert [(e.source_country, e.date_source, e.event_date) for e in willed] == [("ETH", "earlier", None)]
    # a noun of failing is no will: what Ethiopia failed to do is not its deed
    events = code_text("Kenya condemned Ethiopia's failure to withdraw troops from Somalia.", PUBLISHED)
    assert "ETH" not in [e.source_country for e in events if e.cameo_code != "111"]


def test_a_deed_a_verb_of_ending_takes_as_its_gerund_is_done_no_more():
    stopped = code_text("Ethiopia stopped shelling Somalia on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.mode) for e in stopped if e.cameo_code.startswith("19")] == [("190", "negated")]
    resumed = code_text("Ethiopia resumed shelling Somalia on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.mode) for e in resumed if e.cameo_code.startswith("19")] == [("190", "asserted")]


def test_the_other_side_of_a_call_or_conversation_a_deed_is_done_in_is_its_target():
    events = code_text("Kenya discussed the border in a phone call with Ethiopia on Monday.", PUBLISHED)
    assert [(e.source_country, e.target_name) for e in events] == [("KEN", "Ethiopia")]  # (named, not the story's other state)


def test_it_stands_for_a_state_or_body_named_in_the_sentence_or_the_three_before_it():
    named = "Kenya met Uganda on Monday. "
    near = code_text(named + "It criticised Somalia on Sunday.", PUBLISHED)
    assert [e.source_country for e in near if e.cameo_code == "111"] == ["KEN"]
    far = code_text(named + "The weather was warm. The road was long. The hotel was quiet. It criticised Somalia on Sunday.", PUBLISHED)
    assert [e.cameo_code for e in far] == ["040"]


def test_an_it_that_stands_for_a_clause_after_it_stands_for_no_one():
    # 'it was a mistake to invade': no state invades; 'it is ready to attack': the state named before does
    assert [e.cameo_code for e in code_text("Kenya met Uganda on Monday. It was a mistake to invade Somalia.", PUBLISHED)] == ["040"]
    ready = code_text("Kenya met Uganda on Monday. It is ready to attack Somalia.", PUBLISHED)
    assert [(e.cameo_code, e.source_country) for e in ready if e.cameo_code != "040"] == [("138", "KEN")]


def test_a_reported_clause_the_parser_hung_on_its_subject_is_still_the_subjects_deed_of_the_saying_day():
    # the parse makes 'resorted' modify 'militants' and gives 'said' two subjects: the militants
    # fired, on the Thursday the officials said so, and the saying is no event of its own
    events = code_text("Somali militants resorted to firing rockets during clashes with the Kenyan army near the border, "
                       "officials said on Thursday.", PUBLISHED)
    assert [(e.cameo_code[:2], e.source_country, str(e.event_date), e.date_source) for e in events] == [
        ("19", "SOM", "2021-10-14", "text")]


def test_a_verb_the_parser_hung_on_the_sentences_noun_has_that_noun_for_subject():
    # with an apposition or a relative clause after the subject, the parse may find no verb above
    # 'called' and hang it on 'Tanzania' as a modifier: Tanzania still does the calling
    for text in ("Tanzania, a close ally of Uganda, called on Kenya to withdraw its troops.",
                 "Tanzania, which has close ties to Uganda, called on Kenya to withdraw its troops."):
        assert [(e.cameo_code, e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == [("020", "TZA", "KEN")], text
    # so may a past tense tagged a participle ('official threatened on Monday to seize'), which
    # takes a clause of its own and no 'by': the official threatened
    events = code_text("A senior Tanzanian military official threatened on Monday to seize a Kenyan ship.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country, str(e.event_date), e.mode) for e in events] == [
        ("130", "TZA", "KEN", "2021-10-11", "asserted"), ("137", "TZA", "KEN", "2021-10-11", "intended")]
    # a headline's bare participle with no object stays what it says: undergone
    [doc] = parse(["Chairman mobbed in Ahmedabad"])
    assert [t.dep_ for t in repaired(doc)] == [t.dep_ for t in parse(["Chairman mobbed in Ahmedabad"])[0]]


def test_being_in_detention_is_no_arrest_but_an_arrest_said_so_is():
    # 'abused during detention', 'prisoners who are in detention': where someone is held, not an arrest of the day
    for text in ("Kenyan citizens are in detention in Somalia.", "Kenyan prisoners were abused during detention in Nairobi, the report said.",
                 "Uganda said Kenyan citizens in detention in Kampala would be freed."):
        assert not [e for e in code_text(text, PUBLISHED) if e.cameo_code == "173"], text
    arrested = code_text("The arrest of Kenyan activists in Kampala angered Nairobi.", PUBLISHED)
    assert [e.cameo_code for e in arrested if e.cameo_code == "173"] == ["173"]


def test_joint_doers_are_each_others_counterparts_only_in_a_deed_done_to_each_other():
    # 'Kenya and Uganda met': each met the other; 'Kenya and Uganda denied the reports': they denied
    # together, neither is the other's target
    met = code_text("Kenya and Uganda met in Nairobi on Monday.", PUBLISHED)
    assert ("KEN", "UGA") in [(e.source_country, e.target_country) for e in met]
    denied = code_text("Kenya and Uganda denied the reports on Monday.", PUBLISHED)
    assert denied and all(e.target_country != "UGA" for e in denied if e.source_country == "KEN")


def test_what_is_waged_against_someone_is_not_whom_it_is_against():
    events = code_text("Somali militants have fought a long insurgency against the Kenyan state.", PUBLISHED)
    assert [(e.cameo_code, e.target_country, e.target_name) for e in events] == [("190", "KEN", "Kenyan")]


def test_a_time_of_a_day_dates_the_deed_that_day():
    # 'last night', 'the previous night' are times of the day before the story's, not undated
    for text in ("Kenyan police arrested 12 Somali nationals last night.",
                 "Kenyan police arrested 12 Somali nationals the previous night."):
        assert _events(text) == [("173", "KEN", "SOM", "2021-10-13", "text", "asserted")], text


def test_a_span_of_weeks_between_two_deeds_counts_seven_days_a_week():
    events = _events("Kenya expelled the Somali ambassador on Monday, a week after Somali militants attacked a Kenyan base.")
    assert ("190", "SOM", "KEN", "2021-10-04", "text", "asserted") in events


def test_what_is_withdrawn_or_recalled_is_no_target_but_whom_it_leaves_is():
    withdrew = code_text("Kenya withdrew its troops from Somalia on Monday.", PUBLISHED)
    assert [(e.source_country, e.target_country, e.target_name) for e in withdrew] == [("KEN", "SOM", "Somalia")]
    recalled = code_text("Somalia recalled its envoy from Nairobi on Monday.", PUBLISHED)  # (an envoy is a diplomat, 161)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in recalled] == [("161", "SOM", "KEN")]


def test_a_state_named_as_itself_does_no_force_to_itself_but_its_troops_may_at_home():
    # with no target named, force is aimed at the story's country; not when the doer is that state
    # itself ('Pakistan launched an offensive': against someone abroad, unnamed), while its troops
    # and police act at home
    arrests = "Pakistani police arrested 12 men in Lahore on Tuesday. "
    state = code_text(arrests + "Pakistan launched a military offensive on Wednesday.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in state if e.cameo_code == "190"] == [("PAK", None)]
    troops = code_text(arrests + "Pakistani troops launched a military offensive on Wednesday.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in troops if e.cameo_code == "190"] == [("PAK", "PAK")]


def test_a_conviction_or_sentence_nobody_is_named_passing_is_the_courts_an_arrest_the_polices():
    doers = {}
    for verb in ("convicted", "jailed", "arrested"):
        events = code_text(f"The Tanzanian activist was {verb} on Monday while on holiday in Kenya.", PUBLISHED)
        doers[verb] = [(e.source_name, e.source_country, e.source_sector) for e in events if e.cameo_code == "173"]
    assert doers == {"convicted": [("court", "KEN", "JUD")], "jailed": [("court", "KEN", "JUD")],
                     "arrested": [("police", "KEN", "COP")]}


def test_a_deed_someone_is_made_or_let_to_do_is_as_done_as_the_making():
    # 'the UK must get Kenya to cancel the order': not cancelled; 'refused to let them fight': no fighting
    must = code_text("Uganda must use its influence to get Kenya to cancel the military offensive.", PUBLISHED)
    assert not [e for e in must if e.source_country == "KEN" and e.mode == "asserted"]
    refused = code_text("Kenyan commanders refused to let the Somali volunteers fight al-Shabaab.", PUBLISHED)
    assert not [e for e in refused if e.cameo_code.startswith("19") and e.mode == "asserted"]


def test_an_attack_awaited_or_feared_has_not_happened():
    for text in ("Residents of Kenyan towns have been bracing themselves for a Somali attack.",
                 "Residents feared a Somali attack on the Kenyan town.", "Somalia is preparing a military offensive against Kenya."):
        assert [e.mode for e in code_text(text, PUBLISHED) if e.cameo_code.startswith("19")] == ["hypothetical"], text


def test_each_deed_an_accusation_names_is_the_accuseds_and_alleged():
    events = code_text("Kenya accused Uganda of arming the rebels and of attacking its border posts.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.mode) for e in events if e.cameo_code != "112"] == [
        ("062", "UGA", "hypothetical"), ("190", "UGA", "hypothetical")]


def test_a_clause_as_subject_is_a_cause_not_a_doer():
    # 'Chasing Kenyan forces from the border allowed Somalia to boast': not the Kenyan forces' yielding
    events = code_text("Chasing Kenyan forces from the border allowed Somalia to boast of a victory.", PUBLISHED)
    assert not [e for e in events if e.source_country == "KEN"]


def test_an_object_after_coordinated_verbs_is_each_ones():
    events = code_text("Kenyan troops captured and killed a number of Somali militants on Monday.", PUBLISHED)
    assert sorted((e.cameo_code[:2], e.target_country) for e in events) == [("18", "SOM"), ("19", "SOM")]


def test_a_deed_takes_the_date_of_the_verb_coordinated_after_it_but_not_a_nouns_year():
    captured = _events("Kenyan troops captured and killed a number of Somali militants on Monday.")
    assert sorted((code[:2], day) for code, _, _, day, _, _ in captured) == [("18", "2021-10-11"), ("19", "2021-10-11")]
    # ('accused Moscow of violating a deal, and breaching the 1997 treaty': the treaty's year is no date of the accusation)
    treaty = _events("Kenya accused Uganda of violating the border deal, and breaching the 1997 treaty.")
    assert [day for code, _, _, day, _, _ in treaty if code == "112"] == ["2021-10-14"]


def test_people_seized_in_a_number_or_with_another_verb_are_abducted_not_property():
    events = code_text("Somali rebels captured and killed a number of Kenyan soldiers on Monday.", PUBLISHED)
    assert sorted(e.cameo_code for e in events) == ["181", "1823"]
    assert [e.cameo_code for e in code_text("Somali rebels seized dozens of Kenyan soldiers on Monday.", PUBLISHED)] == ["181"]


def test_a_judge_no_dictionary_knows_convicts_for_the_storys_courts():
    story = "NAIROBI — Kenyan police arrested the opposition leader on Monday. Mwilu convicted him in July 2020 of fraud."
    assert [(e.source_name, e.source_country, e.source_sector, e.event_date.isoformat()) for e in code_text(story, PUBLISHED)
            if e.source_name == "Mwilu"] == [("Mwilu", "KEN", "JUD", "2020-07-01")]


def test_a_place_inside_a_between_phrase_is_no_party_to_it():
    # 'between rival clans and al-Shabaab in Kenya's Mandera county': the county is where, not a side
    events = code_text("Fighting broke out between rival clans and al-Shabaab in Kenya's Mandera county on Monday.", PUBLISHED)
    assert not [e for e in events if e.target_name and "Mandera" in e.target_name]


def test_what_is_discussed_is_a_topic_and_whom_it_is_discussed_with_the_target():
    # 'discussed security cooperation and North Korea's missile launches': North Korea is talked about
    text = ("Japanese Foreign Minister Yoko Kamikawa met South Korean Foreign Minister Cho Tae-yul in Tokyo on Thursday. "
            "The two ministers discussed security cooperation and North Korea's missile launches.")
    assert "PRK" not in [e.target_country for e in code_text(text, PUBLISHED)]
    talks = code_text("Kenya discussed developments in Somalia with the Ugandan president on Sunday.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in talks] == [("KEN", "UGA")]


def test_a_name_no_comma_closes_before_the_verb_is_its_subject_not_an_apposition():
    # the parse makes 'Erdogan' the apposition of 'Jim Mattis' and Mattis the subject; no comma
    # closes the apposition before 'has said', so Erdogan says it (and 'he' is Erdogan)
    text = ("In Ankara, after an outcry over the withdrawal announcement and the resignation of the defence "
            "secretary, Jim Mattis, Erdogan has said he will not allow Turkish troops to leave.")
    assert [(e.cameo_code, e.source_name) for e in code_text(text, PUBLISHED)] == [("124", "Erdogan")]
    # an apposition closed by its comma stays one: Mattis says it
    closed = "Jim Mattis, the defence secretary, criticised Turkey on Monday."
    assert [e.source_name for e in code_text(closed, PUBLISHED)] == ["Jim Mattis"]


def test_a_statement_is_aimed_at_the_foreign_actor_its_reported_clause_is_about():
    # 'said the US's move would have dangerous implications', '"Only Russia has the means," he said'
    said = code_text("Kenyan President William Ruto said on Monday that Uganda had not been consulted.", PUBLISHED)
    assert [(e.cameo_code, e.target_country) for e in said] == [("010", "UGA")]
    quoted = code_text("“Only Uganda has the means to end this,” the Kenyan president said.", PUBLISHED)
    assert [(e.cameo_code, e.target_country) for e in quoted] == [("010", "UGA")]
    # a statement about the speaker's own state has no target
    own = code_text("The Kenyan president said Kenyan forces were ready.", PUBLISHED)
    assert [(e.cameo_code, e.target_country) for e in own] == [("010", None)]


def test_a_participle_parsed_as_the_complement_of_be_is_undergone_by_the_subject():
    # the parser makes 'defeated' an adjective of 'been': al-Shabaab is defeated, it defeats no one
    events = code_text("Kenyan officials said that al-Shabaab had been 99% defeated.", PUBLISHED)
    assert "SOM" not in [e.source_country for e in events]
    # participles of a stance are the subject's own: being opposed to a plan is opposing it
    opposed = code_text("The main Somali opposition groups are opposed to the Kenyan plan.", PUBLISHED)
    assert [(e.cameo_code[:2], e.source_country, e.target_country) for e in opposed] == [("12", "SOM", "KEN")]


def test_violence_attempted_is_violence_done_and_an_attempt_to_assassinate_is_cameo_185():
    tried = code_text("Somali gunmen tried to assassinate the Kenyan governor on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.mode, e.source_country, e.target_country) for e in tried] == [("185", "asserted", "SOM", "KEN")]
    # an attempted killing kills no one: an assault
    assert [e.cameo_code for e in code_text("Somali gunmen attempted to kill the Kenyan governor on Monday.", PUBLISHED)] == ["180"]
    # an attempt only meant, and an aim ('seek to overthrow'), stay intended
    future = code_text("Somali gunmen will try to kill the Kenyan governor.", PUBLISHED)
    assert [e.mode for e in future] == ["intended"]
    aim = code_text("Somali rebels seek to overthrow the Kenyan government.", PUBLISHED)
    assert all(e.mode == "intended" for e in aim)


def test_a_verbs_pattern_may_begin_at_its_own_preposition_after_a_long_object():
    # HOLD * (AS HUMAN SHIELD) 184 (after the file's USE pattern), PREVENT * FROM LEAVING 172: the
    # object runs past a pattern's first four words, the preposition hangs on the verb
    shields = code_text("The Kenyan army has been holding thousands of Somali civilian refugees as human shields.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in shields] == [("184", "KEN", "SOM")]
    kept = code_text("Al-Shabaab militants were preventing more than 1,000 Kenyan civilians from leaving.", PUBLISHED)
    assert [e.cameo_code for e in kept] == ["172"]
    # not a particle pattern: FIRE * OFF (110, 'fired off a letter') is no preposition of place after
    # the object ('into the sea off its east coast')
    fired = code_text("North Korea fired two short-range ballistic missiles into the sea off its east coast on Thursday.", PUBLISHED)
    assert "110" not in [e.cameo_code for e in fired] and fired
    letter = code_text("The Kenyan foreign minister fired off a letter to the United Nations on Monday.", PUBLISHED)
    assert [e.cameo_code for e in letter] == ["110"]


def test_the_council_after_a_council_named_in_full_is_that_council():
    story = ("PHNOM PENH (Reuters) — Cambodia has asked the UN Security Council to call an urgent meeting. "
             "Cambodian Prime Minister Hun Sen wrote to the council at the weekend asking it to intervene.")
    asked = [e for e in code_text(story, PUBLISHED) if e.sentence_index == 1]
    assert [(e.source_country, e.target_country) for e in asked] == [("KHM", "UNO")]
    # with no council named before, 'the council' is no one
    alone = "PHNOM PENH (Reuters) — Cambodian Prime Minister Hun Sen wrote to the council at the weekend asking it to intervene."
    assert "UNO" not in [e.target_country for e in code_text(alone, PUBLISHED)]


def test_federal_agents_are_police():
    events = code_text("Kenyan President Uhuru Kenyatta handed himself over to federal agents on Saturday.", PUBLISHED)
    assert [(e.cameo_code, e.target_country, e.target_sector) for e in events] == [("084", "KEN", "COP")]


def test_the_verb_files_patterns_with_words_before_the_verb_read_its_subject():
    # CROSS '&MILITARY * (INTO)' 190, ATTACK 'SUICIDE BOMBERS *' 1831 (CAMEO.2.0.txt): patterns
    # with words before '*' match the subject's phrase
    crossed = code_text("Kenyan troops crossed into Somalia on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in crossed] == [("190", "KEN", "SOM")]
    bombers = code_text("Somali suicide bombers attacked Nairobi on Monday.", PUBLISHED)
    assert [e.cameo_code for e in bombers] == ["1831"]
    # but a verb of seizing is coded by what it seizes: CAPTURE's 'MILITANTS *' (181) takes no town
    town = code_text("Al-Shabaab militants captured the Kenyan town of Mandera on Monday.", PUBLISHED)
    assert [e.cameo_code for e in town] == ["192"]


def test_an_agent_of_a_body_its_phrase_names_is_that_bodys_not_the_datelines():
    story = ("BANJUL — Troops from the Economic Community of West African States (ECOWAS), led by Senegal, "
             "crossed into Gambia on Thursday.")
    assert [(e.source_country, e.target_country) for e in code_text(story, PUBLISHED)] == [("IGO", "GMB")]
    # a noun of relation in between leaves the dateline's: 'the deputy chief of Israel's militia ally'
    ally = "BEIRUT — Hezbollah guerrillas killed the deputy chief of Israel's militia ally in southern Lebanon on Sunday."
    assert [e.target_country for e in code_text(ally, PUBLISHED)] == ["LBN"]


def test_at_the_time_puts_a_past_deed_before_the_publication_day_and_an_as_clause_goes_with_it():
    then = code_text("At the time, the world stood back and watched as Somali militants overran Kenyan peacekeepers.", PUBLISHED)
    assert [(e.event_date, e.date_source) for e in then] == [(None, "earlier")]
    # a participle clause of such a clause too, four steps from 'At the time'
    closed = code_text("At the time, the world stood back and watched as Somali militias closed in, overrunning "
                       "Kenyan peacekeepers.", PUBLISHED)
    assert [e.date_source for e in closed] == ["earlier"]
    # 'at the time of' names a time by what happened then: not the bare phrase
    of_it = code_text("At the time of the vote, Somali militants overran Kenyan peacekeepers.", PUBLISHED)
    assert [e.date_source for e in of_it] == ["published"]


def test_troops_moved_to_a_countrys_border_are_moved_against_it_not_at_themselves():
    sent = code_text("Kenya sent troops to the Ugandan border.", PUBLISHED)
    assert [e.target_country for e in sent] == ["UGA"]
    # a border where something happens is still no one's side: 'on the Ugandan border'
    on = code_text("Kenyan troops clashed with rebels on the Ugandan border.", PUBLISHED)
    assert "UGA" not in [e.target_country for e in on]
    # the battalions ordered are the commander's own, whatever country the dateline gives them
    story = ("KAMPALA — Uganda broke off relations with Tanzania on Monday. "
             "Kenyan President Uhuru Kenyatta ordered 10 army battalions to the Tanzanian border on Sunday.")
    ordered = [e for e in code_text(story, PUBLISHED) if e.sentence_index == 1]
    assert [(e.cameo_code, e.source_country, e.target_country) for e in ordered] == [("154", "KEN", "TZA")]


def test_a_peoples_adjective_before_a_noun_of_will_says_whose_it_is():
    # 'the Ugandan decision to close the border': Uganda's closing, not Kenya's who condemns it
    events = code_text("Kenya condemned the Ugandan decision to close the border.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in events if e.cameo_code[:2] != "11"] == [("UGA", "KEN")]


def test_a_state_protesting_protests_to_another_state_not_to_itself():
    story = "Kenya recalled its ambassador to Kampala on Friday in protest at the border deal."
    protest = [e for e in code_text(story, PUBLISHED) if e.cameo_code.startswith("14")]
    assert [(e.source_country, e.target_country) for e in protest] == [("KEN", "UGA")]
    # people protesting with no one named protest at home
    people = code_text("Thousands of Kenyans protested in Nairobi on Friday.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in people] == [("KEN", "KEN")]


def test_a_protest_at_an_embassy_is_aimed_at_its_state():
    events = code_text("Kenyan students demonstrated outside the Ugandan embassy in Nairobi.", PUBLISHED)
    assert [(e.cameo_code[:2], e.source_country, e.target_country) for e in events] == [("14", "KEN", "UGA")]


def test_people_fired_at_are_the_target_though_at_is_a_preposition_of_place():
    events = code_text("Kenyan police fired tear gas at Ugandan protesters.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in events] == [("KEN", "UGA")]
    # and so are those a noun of number counts, not the place the doers are in
    counted = code_text("Police in Nairobi fired tear gas on Monday at hundreds of Ugandan protesters.", PUBLISHED)
    assert [(e.source_country, e.target_name, e.target_country) for e in counted] == [("KEN", "Ugandan protesters", "UGA")]


def test_those_a_participle_clause_kills_are_of_the_country_its_governor_struck():
    events = code_text("Somali militants attacked a Kenyan army base, killing 20 soldiers.", PUBLISHED)
    assert [(e.cameo_code, e.target_country) for e in events] == [("190", "KEN"), ("1823", "KEN")]
    # and those an event noun's deed kills, of whom the event was done to
    noun = code_text("The attack on a Kenyan base by al-Shabaab militants killed 20 soldiers.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in noun] == [("SOM", "KEN")]


def test_a_country_of_two_names_is_no_person():
    # 'Saudi Arabia' (two proper nouns) was taken for a person's name, and a person no dictionary
    # knows holds no talks for a state
    for text in ("Saudi Arabia and Iran held talks on Monday.", "North Korea and South Korea held talks on Monday."):
        events = code_text(text, PUBLISHED)
        assert [e.cameo_code for e in events] == ["046"], text
    assert [(e.source_country, e.target_country) for e in code_text("Saudi Arabia and Iran held talks on Monday.", PUBLISHED)] == [("SAU", "IRN")]


def test_an_event_noun_counted_by_a_round_is_taken_part_in_by_the_verbs_subject():
    events = code_text("Kenyan officials took part in a second round of talks with Ugandan officials in Kampala on Monday.", PUBLISHED)
    assert ("046", "KEN", "UGA") in [(e.cameo_code, e.source_country, e.target_country) for e in events]


def test_after_an_event_its_doer_is_the_verbs_subject_only_for_talks_or_deeds_with_someone():
    attacks = code_text("Kenya withdrew its ambassador after attacks on Kenyan traders in Uganda.", PUBLISHED)
    assert [e.cameo_code for e in attacks if e.source_country == "KEN" and e.cameo_code[:2] in ("18", "19")] == []
    fighting = code_text("Kenyan troops retook the town after fierce fighting with Somali militants.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in fighting] == [("190", "KEN", "SOM")]


def test_a_passive_clause_with_its_own_subject_is_not_done_by_its_governors_subject():
    events = code_text("Kenyan jets struck Somali militants on Friday after rockets were fired into northern Kenya.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in events] == [("KEN", "SOM")]
    # 'if the area was attacked': by no one named, not by the speaker
    warned = code_text("Kenya's president warned that fighters could escape if the camp was attacked.", PUBLISHED)
    assert [e.cameo_code[:2] for e in warned if e.cameo_code[:2] in ("18", "19")] == []


def test_who_sparks_an_event_does_not_do_it():
    events = code_text("The arrest of Kenyan opposition leader Raila Odinga on Monday sparked protests across Nairobi.", PUBLISHED)
    assert [e.cameo_code[:2] for e in events if e.source_name and "Odinga" in e.source_name] == []
    # 'held talks', 'launched an attack': the subject does the event its verb carries out
    held = code_text("Kenya and Uganda held talks on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.source_country) for e in held] == [("046", "KEN")]


def test_a_deed_condemned_is_aimed_at_whoever_did_it():
    events = code_text("Kenya condemned the execution of four men by Somalia's government on Monday.", PUBLISHED)
    assert [(e.cameo_code[:2], e.source_country, e.target_country, e.target_sector) for e in events] == [("11", "KEN", "SOM", "GOV")]


def test_each_of_conjoined_subjects_does_the_deed():
    events = code_text("Kenya and Uganda accused Tanzania of harbouring rebels.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in events if e.cameo_code == "112"] == [("KEN", "TZA"), ("UGA", "TZA")]
    # two parties of a joint deed stay one event between them
    assert [(e.source_country, e.target_country) for e in code_text("Kenya and Uganda signed a peace deal.", PUBLISHED)] == [
        ("KEN", "UGA")]


def test_a_deed_done_to_conjoined_actors_is_done_to_each():
    events = code_text("Kenya imposed sanctions on Uganda and Rwanda.", PUBLISHED)
    assert [(e.source_country, e.target_country) for e in events] == [("KEN", "UGA"), ("KEN", "RWA")]
    met = code_text("Kenya's president met leaders of Uganda and Tanzania.", PUBLISHED)
    assert [e.target_country for e in met] == ["UGA", "TZA"]


def test_a_deed_a_dated_past_deed_followed_is_of_its_day_unless_a_span_is_said():
    events = code_text("Kenya recalled its ambassador from Kampala last week after Uganda expelled two Kenyan diplomats.", PUBLISHED)
    assert [(e.source_country, e.date_precision, e.date_source) for e in events] == [
        ("KEN", "week", "text"), ("UGA", "week", "text")]
    # 'shortly after' says a span: no day taken
    shortly = code_text("Kenya recalled its ambassador on Monday, shortly after Uganda expelled two Kenyan diplomats.", PUBLISHED)
    assert [e.event_date.isoformat() for e in shortly if e.source_country == "UGA"] != ["2021-10-11"]
    # so is a gerund after 'after' (the doer's own deed before it)
    accusing = code_text("Kenya recalled its ambassador on Monday after accusing Uganda of arming the rebels.", PUBLISHED)
    assert [(e.cameo_code, str(e.event_date)) for e in accusing if e.source_country == "KEN"] == [
        ("161", "2021-10-11"), ("112", "2021-10-11")]


def test_the_two_are_the_parties_of_the_event_before_them_in_the_sentence():
    text = "Kenya's president met the Ugandan leader in Kampala on Monday and the two signed a trade deal."
    assert [(e.cameo_code, e.source_country, e.target_country) for e in code_text(text, PUBLISHED)] == [
        ("040", "KEN", "UGA"), ("057", "KEN", "UGA")]


def test_a_deed_one_has_the_means_or_the_right_to_do_is_possible_not_meant():
    events = code_text("Kenya has the capability to launch air strikes on Somalia.", PUBLISHED)
    assert [(e.cameo_code, e.mode) for e in events] == [("195", "hypothetical")]
    # a plan still means it
    plans = code_text("Kenya has plans to attack al-Shabaab in Somalia.", PUBLISHED)
    assert [e.mode for e in plans] == ["intended"]


def test_teachers_doctors_and_farmers_saying_a_thing_do_no_political_deed():
    assert code_text("“Everything is broken,” said Ahmed Issa, a 25-year-old Kenyan student.", PUBLISHED) == []
    assert code_text("Kenyan doctors said at least 18 people had been injured.", PUBLISHED) == []
    # a minister still does
    assert [e.cameo_code for e in code_text("The Kenyan health minister said at least 18 people had been injured.", PUBLISHED)] == ["010"]


def test_an_arrest_by_authorities_no_one_places_is_of_the_state_it_is_made_in():
    # (a story of two countries, Britain and Kenya, gives the authorities no main country)
    events = code_text("The British teacher was on holiday in south-west Kenya when the authorities arrested him.", PUBLISHED)
    assert [(e.cameo_code, e.source_country) for e in events] == [("173", "KEN")]


def test_an_event_whole_years_from_a_dated_one_is_dated_by_them_at_its_precision():
    events = code_text("Kenya expelled the Ugandan ambassador in 2019, a year after a border clash with Ugandan troops.", PUBLISHED)
    assert [(e.cameo_code[:2], e.event_date.isoformat(), e.date_precision) for e in events] == [
        ("17", "2019-01-01", "year"), ("19", "2018-01-01", "year")]
    months = code_text("Kenya expelled the Ugandan ambassador in March 2019, two years after Uganda attacked Kenyan troops.", PUBLISHED)
    assert [(e.source_country, e.event_date.isoformat(), e.date_precision) for e in months if e.source_country == "UGA"] == [
        ("UGA", "2017-03-01", "month")]


def test_hours_later_dates_a_sentence_by_the_day_of_the_one_before():
    events = code_text("Kenya expelled a Ugandan diplomat on Monday. Hours later, Uganda expelled two Kenyan diplomats.", PUBLISHED)
    assert [(e.source_country, e.event_date.isoformat(), e.date_source) for e in events] == [
        ("KEN", "2021-10-11", "text"), ("UGA", "2021-10-11", "text")]


def test_walking_off_the_job_is_a_strike():
    events = code_text("Kenyan teachers walked off the job on Monday to demand higher pay.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.event_date.isoformat()) for e in events] == [("143", "KEN", "2021-10-11")]


def test_going_on_strike_strikes_and_suspending_loans_stops_aid():
    strike = code_text("Thousands of Kenyan teachers went on strike on Monday.", PUBLISHED)
    assert [e.cameo_code for e in strike] == ["143"]
    hunger = code_text("Kenyan prisoners went on hunger strike on Monday.", PUBLISHED)
    assert [e.cameo_code for e in hunger] == ["142"]
    loans = code_text("Britain suspended its loans to Kenya on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in loans] == [("162", "GBR", "KEN")]


def test_an_agent_word_as_the_adjective_of_an_event_noun_is_no_actor():
    visit = code_text("The Kenyan president arrived in Kampala on Monday for a three-day official visit.", PUBLISHED)
    assert [(e.source_country, e.target_name, e.target_country) for e in visit] == [("KEN", None, "UGA")]
    # an agent heading its phrase still is one ('an official said')
    said = code_text("A Kenyan official said on Monday that Uganda had closed the border.", PUBLISHED)
    assert "KEN" in [e.source_country for e in said] or "UGA" in [e.source_country for e in said]


def test_an_agent_word_before_a_relative_clause_is_an_actor():
    events = code_text("Somali rebels released 15 policemen they had held for two months.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_name, e.target_sector) for e in events] == [("084", "SOM", "policemen", "COP")]


def test_a_phrase_with_its_place_is_headed_by_its_noun_not_the_preposition():
    # the dictionaries' 'ethnic Albanians in <place>' ends in a preposition the parse hangs on 'thousands'
    events = code_text("Kenyan police fired tear gas to disperse thousands of ethnic Somali demonstrators in Nairobi.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_sector) for e in events] == [("175", "KEN", "OPP")]


def test_they_stand_for_a_people_not_for_a_place_or_a_state_named_as_itself():
    state = code_text("Kenya closed its border on Monday. They threatened to expel Somali traders.", PUBLISHED)
    assert [e.sentence_index for e in state] == [0]
    people = code_text("Kenyans protested on Monday. They threatened to expel Somali traders.", PUBLISHED)
    assert ("130", "KEN", "SOM") in [(e.cameo_code, e.source_country, e.target_country) for e in people]


def test_a_deed_done_in_a_dated_event_is_of_its_date():
    events = code_text("Kenyan troops killed 20 al-Shabaab militants in an airstrike on Sunday night.", PUBLISHED)
    assert {(e.event_date.isoformat(), e.date_source) for e in events} == {("2021-10-10", "text")}
    # and the event noun the deed is done in is done to whom the deed is (not to the doer's country)
    assert {e.target_country for e in events} == {"SOM"}


def test_a_chief_executive_is_a_business_head_not_the_government():
    events = code_text("Safaricom chief executive Peter Ndegwa met Kenyan President Uhuru Kenyatta in Nairobi on Monday.", PUBLISHED)
    assert [(e.source_sector, e.target_country) for e in events] == [("BUS", "KEN")]


def test_a_finite_verb_joined_to_a_gerund_goes_with_the_verb_above_it():
    # the parser coordinates 'recalled' with 'violating'; it is Somalia's deed, done
    events = code_text("Somalia accused Kenya of violating its sovereignty and recalled its ambassador.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.mode) for e in events if e.cameo_code == "161"] == [("161", "SOM", "asserted")]


def test_denying_allegations_or_claims_denies_responsibility():
    events = code_text("Kenya denied Ugandan allegations that it was supporting rebels.", PUBLISHED)
    assert ("016", "KEN", "UGA") in [(e.cameo_code, e.source_country, e.target_country) for e in events]
    claims = code_text("Kenya denied Uganda's claims on Monday.", PUBLISHED)
    assert [(e.cameo_code, e.target_country) for e in claims] == [("016", "UGA")]


def test_downing_an_aircraft_is_shooting_it_down():
    events = code_text("In February, Kenya said it downed an armed Somali drone that entered its airspace.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in events] == [("190", "KEN", "SOM")]


def test_the_year_of_an_agreement_dates_its_making_not_a_deed_done_to_it_later():
    left = code_text("Kenya withdrew from the landmark 2015 border agreement with Uganda.", PUBLISHED)
    assert [(e.cameo_code[:2], e.date_source) for e in left] == [("08", "published")]
    signed = code_text("Kenya signed the 2015 agreement with Uganda.", PUBLISHED)
    assert [(e.event_date.isoformat(), e.date_precision) for e in signed] == [("2015-01-01", "year")]


def test_a_deed_a_noun_of_asking_asks_for_is_not_done():
    events = code_text("Kenya rejected Uganda's demand that it withdraw its troops.", PUBLISHED)
    assert [e.cameo_code[:2] for e in events] == ["12"]


def test_meeting_a_response_or_a_deadline_is_no_meeting_but_meeting_demands_stays_coded():
    assert code_text("Kenya's plan has met a mixed response in Uganda.", PUBLISHED) == []
    # (not meeting demands is a rejection, as the PLOVER gold has it)
    refused = code_text("Kenya said it would not meet the Ugandan demands.", PUBLISHED)
    assert [e.cameo_code[:2] for e in refused] == ["12"]


def test_someone_expelled_from_a_states_place_is_expelled_by_that_state():
    events = code_text("The Ugandan ambassador was expelled from Nairobi.", PUBLISHED)
    assert [(e.cameo_code, e.source_country, e.target_country) for e in events] == [("174", "KEN", "UGA")]
    # a body one is expelled from is no state
    assert code_text("He was expelled from the party.", PUBLISHED) == []

"""Round-15 rules of issue 15, each with a twin it must not change. From the PLOVER tune half's errors: a group
localised through a participle of settlement ("guerrillas *operating* in Macedonia": events/locations.SETTLED),
"ethnic Albanians" as people of the place where the article is, not Albania (locations.people_states), and a
participle of consequence after a comma ending the cue's own clause for the target (", *leaving* 100 UN troops":
clauses._CONSEQUENCE). From the hand reading of seed 2038: an actor inside a fronted adjunct is not the subject
of the clause after it, nor joined to it as a compound (events/fronted.py), a reduced relative's agent ("the army
*backed by Russia* seized …") neither the subject of the verb after it nor its governor (events/reduced.py); and the cue gaps of its recall set
(an adverb in "spoke today with", an adjective in "expressed his profound condolences", the first person of "se
rendre", the Arabic operative "تطلب إلى")."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

#: (lang, text, cue, expected {(source, source_sector, target)} of the cue's rows; cue None: of all the text's rows)
CASES = [
    # a participle of settlement between the group's noun and its place; twin: no noun of people before it
    ("en", "Guerrillas operating in Macedonia on Monday attacked Serbia.", "attacked", {("MKD", "REB", "SRB")}),
    ("en", "Ships operating in Macedonia on Monday attacked Serbia.", "attacked", {("", "", "SRB")}),
    ("en", "Rebels in Syria attacked Turkey.", "attacked", {("SYR", "REB", "TUR")}),  # as before
    # ... but the subject of a passive is its patient, not its agent (FA-KES: "militants of the terrorist group
    # operating in Iraq and Syria were killed in clashes with Kurdish troops")
    ("en", "At least 30 militants of the terrorist group operating in Iraq and Syria were killed in clashes with "
           "Kurdish troops in northeastern Syria on Thursday reports said.", "killed", {("", "", "IRQ"), ("", "", "SYR")}),
    ("en", "Some 50 civilians in Syria have been killed in airstrikes.", "killed", {("", "", "SYR")}),
    ("en", "Rebels in Syria were killed by Turkish troops.", "killed", {("TUR", "MIL", "SYR")}),  # the agent named
    # "ethnic Albanian(s)": the state where the article places its events (PLOVER's RETREAT-0016, THREATEN-0023);
    # twins: no "ethnic", and an article that names no place keeps the demonym's state
    ("en", "One third of ethnic Albanian guerrillas operating in Macedonia have been demobilized.", "demobilized",
     {("MKD", "REB", "")}),
    ("en", "Albanian guerrillas in Macedonia on Monday attacked Serbia.", "attacked", {("ALB", "REB", "SRB")}),
    ("en", "Ethnic Albanians attacked Serbia.", "attacked", {("ALB", "", "SRB")}),
    # a participle of consequence ends the cue's own clause, which names a place (PLOVER's SANCTION-0012); twins:
    # an own clause with no actor and no place still takes the target after it, a place too
    ("en", "Eighty UN peacekeepers were shipped out of the eastern Bosnian enclave of Gorazde Friday, leaving just "
           "100 UN troops to follow them out later this month.", "shipped out of", {("org:un", "", "BIH")}),
    ("en", "Israeli troops opened fire, killing three Palestinians.", "opened fire", {("ISR", "MIL", "PSE")}),
    ("en", "Russia condemned the strikes, urging Turkey to stop.", "condemned", {("RUS", "", "TUR")}),
    # a fronted adjunct's actor is not the subject after its comma (seed 2038: "the G20 discussed"), nor a
    # compound with it; twins: a subject after the comma, a list of subjects
    ("en", "Looking forward to India's G20 presidency, they also discussed Russia's debt.", "discussed", set()),
    ("en", "After the meeting with Russia, France condemned Turkey.", "condemned", {("FRA", "", "TUR")}),
    ("en", "In a statement on Monday, Russia condemned Turkey.", "condemned", {("RUS", "", "TUR")}),
    ("en", "Russia, Iran and Syria attacked Turkey.", "attacked", {("RUS", "", "TUR"), ("IRN", "", "TUR"),
                                                                 ("SYR", "", "TUR")}),
    ("en", "During a long telephone conversation Russian President Vladimir Putin, French President Jacques Chirac "
           "and German Chancellor Gerhard Schroeder coordinated their positions.", "telephone conversation",
     {(a, "", b) for a in ("per:vladimir_putin", "per:jacques_chirac", "per:gerhard_schroeder")
      for b in ("per:vladimir_putin", "per:jacques_chirac", "per:gerhard_schroeder") if a != b}),  # a Kremlin title
    ("fr", "Rappelant la déclaration du Groupe de Minsk de l'OSCE, les ministres appellent les parties au conflit à "
           "accepter un cessez-le-feu.", "appellent", set()),
    ("fr", "Rappelant la déclaration du Groupe de Minsk, la France appelle les parties au conflit à accepter un "
           "cessez-le-feu.", "appelle", {("FRA", "", "")}),
    # a reduced relative with its agent qualifies the subject (seed 2038: "the Syrian army backed by popular defense
    # forces seized back a strategic town"): the subject acts, the main verb is no content of the support;
    # twins: "led by" (the coalition acts as its leader), a finite "backed" with no agent
    ("en", "The Syrian army backed by Russia seized back a strategic town.", "seized", {("grp:saa", "", "")}),
    ("en", "Russia backed by Iran condemned Turkey.", "condemned", {("RUS", "", "TUR")}),
    ("en", "A coalition led by Saudi Arabia attacked Yemen.", "attacked", {("SAU", "", "YEM")}),
    ("en", "For nearly a week regime troops backed by Syrian and Russian warplanes have been battling for control of "
           "Al-Maleh.", "battling", set()),  # an agent list names no Russian fighter, and "troops" no actor
    ("en", "But YPG ground forces backed by US-led air strikes were able to repel the IS fighters.", "strikes",
     {("USA", "", "grp:isis")}),  # a noun cue inside the agent is the agent's deed
    ("en", "They are backed by air strikes launched by the US-led coalition fighting Daesh in Syria and Iraq.",
     "fighting", {("USA", "", "grp:isis")}),  # a participle inside it, its modifier (seed 2027, judged right)
    ("en", "Turkey backed the rebels and condemned Russia on Monday.", "condemned", {("TUR", "", "RUS")}),
    # cue gaps of the seed-2038 recall set, each a class of forms (events/data/cues_*.csv); twins: the words
    # around them in another sense
    ("en", "President Joe Biden spoke today with President Lula of Brazil.", "spoke today with",
     {("per:joe_biden", "", "per:luiz_inacio_lula_da_silva")}),
    ("en", "President Biden spoke today to reporters about Brazil.", None, set()),
    ("en", "Putin expressed his profound condolences to Albania.", "expressed his profound condolences to",
     {("per:vladimir_putin", "", "ALB")}),
    ("en", "Putin expressed his profound doubts about Albania.", None, set()),
    ("fr", "Je me suis rendu au Burundi.", "me suis rendu au", {("", "", "BDI")}),
    ("fr", "Je me suis rendu compte que le Burundi avait changé.", None, set()),
    ("ar", "تطلب إلى روسيا أن تنسحب من جورجيا.", "تطلب إلى", {("", "", "RUS")}),  # the author unnamed here
    ("ar", "يتطلب ذلك من روسيا الانسحاب من جورجيا.", None, set()),  # "requires"
    # false friends of the seed-2038 reading: a greeting, the noun "fund"; twins: the verbs
    ("en", "Welcome to Russia!", None, set()),
    ("en", "Russia welcomed the decision of Turkey.", "welcomed the", {("RUS", "", "TUR")}),
    ("en", "The head of the Pension fund assured Vladimir Putin.", "fund", set()),
    ("en", "Russia will fund the reconstruction of Syria.", "fund", {("RUS", "", "SYR")}),
]


@pytest.fixture(scope="module")
def events():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(CASES))], "lang": [c[0] for c in CASES],
                         "text": [c[1] for c in CASES]})
    return extract_events(arts, registry=default_matcher())


#: Cues that must come out as the main event of their sentence (not ``embedded``): (case text, cue).
MAIN = [("The Syrian army backed by Russia seized back a strategic town.", "seized"),
        ("Russia backed by Iran condemned Turkey.", "condemned")]


def test_reduced_relative_governs_no_content(events):
    for text, cue in MAIN:
        k = next(i for i, c in enumerate(CASES) if c[1] == text)
        rows = events[(events["article_id"] == str(k)) & (events["cue"] == cue)]
        assert len(rows) and not rows["embedded"].any(), text


@pytest.mark.parametrize("k", range(len(CASES)), ids=[f"{c[2] or 'any'}{i}" for i, c in enumerate(CASES)])
def test_round15_sides(events, k):
    _, text, cue, want = CASES[k]
    rows = events[(events["article_id"] == str(k)) & ((events["cue"] == cue) | (cue is None))]
    got = set(zip(rows["source"], rows["source_sector"], rows["target"], strict=True))
    assert got == want, text

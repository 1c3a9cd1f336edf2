"""Round 18 (issue 15): rules by class from the seed-2041 reading, each with a twin it must leave alone: a completive
"that"/"que" after a verb of saying is no object relative; an abduction is PLOVER's ASSAULT, not COERCE; self-defence
("as it defends itself against Russian aggression") supports no one; "any" before a cue ("any nuclear attack by …")
names no event that took place; the subject inverted after "comme l'a demandé" asked, even with an actor before it
and a title before the name; a cue inside a fronted adjunct takes no target after its comma ("During his visit,
Dmitry Medvedev met …"), and the call it names is no demand ("During the call, …"); and a sweep: no one-word cue is
a stop word of its language (the Arabic past هنأ, "congratulated", folds to هنا, "here")."""

from __future__ import annotations

import importlib

import pytest
from events_readings import events_of, triples

from diplolib.events.lexicon import default_cues
from diplolib.normalize.matching import matching_form

TEXTS = {
    "en": {
        # a completive "that" after a verb of saying: the speaker supports what follows (cues_en.csv)
        "said_that": "Germany has always said that we support Ukraine in its fight.",
        "which_twin": "I note the progress made by Mali, which I welcome.",
        "noun_that_twin": "The decision that we support concerns Ukraine.",
        # an abduction is ASSAULT; an arrest stays COERCE
        "abducted": "Syrian troops saved civilians abducted by ISIS terrorists.",
        "kidnapped": "ISIS kidnapped two Russian journalists in Syria.",
        "arrested_twin": "Turkey arrested two Russian journalists.",
        # self-defence and defence against an adversary support no one
        "defends_itself": "Biden reaffirmed support for Ukraine as it defends itself against Russian aggression.",
        "defend_country": "The Ukrainian people defend their country against Russian aggression.",
        "defend_against": "NATO will deter and defend against any aggression by Russia.",
        "defend_twin": "Russia defended Syria at the UN Security Council.",
        # "any" before a noun cue: no event took place
        # a cue inside a fronted adjunct takes no target after its comma
        "fronted": "During his visit, President Putin met the workers of the plant.",
        "fronted_request_twin": "In response to the visitors' request, Vladimir Putin offered details.",
        "fronted_mutual_twin": "Following the talks, Putin and Erdogan signed an agreement.",
        "fronted_inside_twin": "After talks with Erdogan, Putin said the ceasefire holds.",
        "opening_twin": "Welcoming the efforts of the Member States, the partners, including the African Union, and "
                        "ECOWAS in Liberia,",
        # the telephone call an adjunct names is no demand
        "during_call": "During the call, President Biden commended the strength of Brazilian democracy.",
        "call_for_twin": "Russia renewed its call for a ceasefire in Syria.",
        "call_with_twin": "President Biden briefed leaders on his call with President Putin.",
        "any_attack": "Any nuclear attack by North Korea against the United States is unacceptable.",
        "any_assistance": "Russia was willing to provide any assistance to Brazil.",
        "attack_twin": "The nuclear attack by North Korea against the United States was condemned.",
        "assistance_twin": "Russia provided assistance to Brazil.",
    },
    "fr": {
        "dit_que": "La France a toujours dit que nous condamnons les actions du Hezbollah.",
        "pense_que": "Je pense que nous soutenons le Liban.",
        "que_je_twin": "Je constate les avancées de la transition au Mali, que je salue.",
        "position_twin": "La position de la France, que nous soutenons, est claire.",
        "enleve": "Le Front al-Nosra a enlevé des Casques bleus fidjiens.",
        "arrete_twin": "La Turquie a arrêté des journalistes russes.",
        # the subject inverted after "comme l'a demandé" is who asked
        "comme_l_a": "Je compte sur vous pour dépêcher une mission en Ukraine, comme l'a demandé le Président "
                     "Poroshenko, afin d'instaurer la paix.",
        "a_demande_twin": "La Russie a demandé au Mali de libérer les otages.",
        "title_twin": "La France a demandé au président Poroshenko de venir.",
    },
    "ar": {
        "here": "وهنا يجب أن أوجه الانتباه إلى تقارير الاستخبارات الإسرائيلية.",
        "congratulated_twin": "وهنأت فرنسا مالي على الانتخابات.",
        "abducted": "واختطف تنظيم داعش جنودا لبنانيين.",
        "arrested_twin": "واعتقلت تركيا صحفيين روس.",
    },
}


@pytest.fixture(scope="module")
def rows():
    return events_of(TEXTS)


def test_a_completive_after_a_verb_of_saying_is_no_object_relative(rows):
    assert ("SUPPORT", "DEU", "UKR") in triples(rows["en:said_that"])
    assert ("DISAPPROVE", "FRA", "grp:hezbollah") in triples(rows["fr:dit_que"])
    assert triples(rows["fr:pense_que"]) == {("SUPPORT", "", "LBN")}  # "je" names no one
    # the object relatives after a noun keep their reading: the antecedent is praised
    assert triples(rows["en:which_twin"]) == {("SUPPORT", "", "MLI")}
    assert triples(rows["fr:que_je_twin"]) == {("SUPPORT", "", "MLI")}
    assert triples(rows["fr:position_twin"]) == {("SUPPORT", "", "FRA")}
    assert set(rows["en:noun_that_twin"]["cue"]) == {"that we support"}


def test_the_inverted_subject_of_a_demand_is_its_source(rows):
    assert triples(rows["fr:comme_l_a"]) == {("DEMAND", "per:petro_poroshenko", "")}  # not Ukraine before it
    assert ("DEMAND", "RUS", "MLI") in triples(rows["fr:a_demande_twin"])  # the usual order
    assert ("DEMAND", "FRA", "per:petro_poroshenko") in triples(rows["fr:title_twin"])


def test_an_abduction_is_an_assault(rows):
    assert ("ASSAULT", "grp:isis", "SYR") in triples(rows["en:abducted"])
    assert triples(rows["en:kidnapped"]) == {("ASSAULT", "grp:isis", "RUS")}
    assert triples(rows["fr:enleve"]) == {("ASSAULT", "grp:nusra_front", "FJI")}
    assert triples(rows["ar:abducted"]) == {("ASSAULT", "grp:isis", "LBN")}
    assert triples(rows["en:arrested_twin"]) == {("COERCE", "TUR", "RUS")}
    assert triples(rows["fr:arrete_twin"]) == {("COERCE", "TUR", "RUS")}
    assert {t[0] for t in triples(rows["ar:arrested_twin"])} == {"COERCE"}


def test_self_defence_supports_no_one(rows):
    assert triples(rows["en:defends_itself"]) == {("SUPPORT", "per:joe_biden", "UKR")}  # the support stays
    assert rows["en:defend_country"].empty
    assert "SUPPORT" not in set(rows["en:defend_against"]["event"])
    assert triples(rows["en:defend_twin"]) == {("SUPPORT", "RUS", "SYR")}


def test_a_cue_in_a_fronted_adjunct_takes_no_target_after_its_comma(rows):
    r = rows["en:fronted"]
    assert (r.loc[r["cue"] == "visit", "target"].fillna("") == "").all()  # the visitor is not the one visited
    assert ("DEMAND", "", "per:vladimir_putin") in triples(rows["en:fronted_request_twin"])
    assert ("CONSULT", "per:vladimir_putin", "per:recep_tayyip_erdogan") in triples(rows["en:fronted_mutual_twin"])
    assert ("CONSULT", "", "per:recep_tayyip_erdogan") in triples(rows["en:fronted_inside_twin"])
    assert "org:african_union" in set(rows["en:opening_twin"]["target"])  # the opening cue's object runs on


def test_the_call_of_an_adjunct_is_no_demand(rows):
    assert triples(rows["en:during_call"]) == {("SUPPORT", "per:joe_biden", "BRA")}
    assert ("DEMAND", "RUS", "SYR") in triples(rows["en:call_for_twin"])
    assert triples(rows["en:call_with_twin"]) == {("CONSULT", "per:joe_biden", "per:vladimir_putin")}


def test_any_before_a_cue_is_no_event_that_took_place(rows):
    r = rows["en:any_attack"]
    assert r.loc[r["cue"] == "attack", "hypothetical"].tolist() == [True]
    assert rows["en:any_assistance"]["hypothetical"].all()
    t = rows["en:attack_twin"]
    assert not t.loc[t["cue"] == "attack", "hypothetical"].any()
    assert not rows["en:assistance_twin"]["hypothetical"].any()


def test_here_is_no_congratulation(rows):
    assert rows["ar:here"].empty
    assert triples(rows["ar:congratulated_twin"]) == {("SUPPORT", "FRA", "MLI")}


#: One-word cues that are stop words of their language on purpose, with why.
STOP_WORD_CUES = {
    ("en", "must"): "a demand put as an obligation (the modal direction)",
    ("en", "should"): "a demand put as an obligation (the modal direction)",
    ("en", "call"): "'call on', 'call for': a demand; 'call' naming is a false friend (events/senses.py)",
    ("en", "give"): "aid given; a chance, evidence or an impetus given are false friends",
}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_no_one_word_cue_is_a_stop_word(lang):
    """Every one-word cue form of the built-in lexicons, in matching form, against spaCy's stop words of its
    language in matching form: an ordinary word folded into a cue's letters (هنا, "here", for هنأ) fires on
    every sentence that uses it. A stop word kept as a cue is listed in :data:`STOP_WORD_CUES` with its reason."""
    stop = importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
    stop = {matching_form(w) for w in stop}
    lex = default_cues()
    forms, events = lex.forms, lex.cues["event"].to_numpy()
    one = forms[(forms["lang"] == lang) & ~forms["key"].str.contains(" ")]
    hits = {k for k, r in zip(one["key"], one["cue_row"], strict=True) if k in stop and events[r] != "-"}
    assert hits == {w for (la, w) in STOP_WORD_CUES if la == lang}

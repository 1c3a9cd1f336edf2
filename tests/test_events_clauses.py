"""Class rules of round 3: the target's clause (events/clauses.py), generated English inflections
(events/lexicon.py), progressives, realised orders, peacekeepers and reporting participles."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import clauses, expand_cue, extract_events, plover_reading
from diplolib.events.lexicon import _inflect
from diplolib.events.scan import batch


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _rows(text: str, matcher, lang: str = "en") -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]})
    return extract_events(arts, registry=matcher)


@pytest.mark.parametrize(("verb", "forms"), [
    ("ban", {"banned", "banning", "bans"}), ("fight", {"fought", "fighting"}), ("agree", {"agreed", "agreeing"}),
    ("withdraw", {"withdrew", "withdrawn"}), ("deny", {"denied", "denies"}), ("seek", {"sought"}),
])
def test_inflections_are_generated(verb, forms):
    assert forms <= set(_inflect(verb))
    assert "foughted" not in _inflect("fight") and "agreeed" not in _inflect("agree")
    assert forms <= set(expand_cue(f"{verb}~"))


def test_target_not_past_a_subordinate_clause(matcher):
    """The target of "released" is not in the "as" clause; the place of the cue's own clause stands for it."""
    ev = _rows("Russia released prisoners in Syria as Turkey attacked Iraq.", matcher)
    eased = ev[ev["cue"].str.startswith("released")]
    assert set(eased["target"]) == {"SYR"} and set(eased["source"]) == {"RUS"}
    attacked = ev[ev["cue"] == "attacked"]
    assert set(zip(attacked["source"], attacked["target"], strict=True)) == {("TUR", "IRQ")}


def test_a_threat_is_aimed_at_its_condition(matcher):
    ev = _rows("Israel threatened to ban voting in the election if Hamas took part.", matcher)
    threat = ev[ev["event"] == "THREATEN"]
    assert set(threat["source"]) == {"ISR"} and set(threat["target"]) == {"grp:hamas"}


def test_a_progressive_is_no_passive(matcher):
    ev = _rows("Afghanistan has been sharing intelligence with Pakistan.", matcher)
    row = ev[ev["event"] == "COOPERATE"].iloc[0]
    assert (row["source"], row["target"]) == ("AFG", "PAK")


def test_an_order_with_its_object_happened(matcher):
    ev = _rows("Nicaragua ordered the newspaper La Prensa to suspend publication.", matcher)
    row = ev[ev["event"] == "COERCE"].iloc[0]
    assert not row["hypothetical"]


def test_peacekeepers_are_aid_and_their_withdrawal_a_sanction(matcher):
    arrived = _rows("The NATO peacekeeping troops have arrived in Bosnia.", matcher)
    assert set(arrived["event"]) == {"AID"}
    left = _rows("The alliance said NATO withdrew its peacekeepers from Bosnia.", matcher)
    assert set(left["event"]) == {"SANCTION"}
    plain = _rows("The alliance said NATO withdrew its troops from Bosnia.", matcher)
    assert set(plain["event"]) == {"RETREAT"}


def test_the_content_of_a_reporting_participle_is_background(matcher):
    ev = _rows("Palestinian activists staged rallies against Israel, saying it must withdraw.", matcher)
    kept = plover_reading(ev)
    assert set(kept["event"]) == {"PROTEST"} and ev.loc[ev["cue"].str.contains("withdraw"), "embedded"].all()


@pytest.mark.parametrize(("lang", "text", "main", "inner", "source", "after"), [
    ("en", "Israel, which has vowed to stay in Lebanon, rejected the offer of Syria.", "rejected", "vowed to", "ISR",
     "SYR"),
    ("fr", "La France, qui a soutenu l'Allemagne, a condamné la Russie.", "a condamné", "a soutenu", "FRA", "RUS"),
    ("ar", "إن فرنسا، التي دعمت ألمانيا، أدانت روسيا.", "أدانت", "دعمت", "FRA", "RUS"),  # the Arabic comma "،"
    ("ar", "وروسيا، التي تدعم سوريا، هاجمت أوكرانيا.", "هاجمت", "تدعم", "RUS", "UKR"),
])
def test_a_relative_clause_between_subject_and_verb(matcher, lang, text, main, inner, source, after):
    """The verb after ", which …," has the antecedent as its source and is the main event; the cue inside the
    relative clause is its background and takes no target after the closing comma."""
    ev = _rows(text, matcher, lang)
    row = ev[ev["cue"] == main].iloc[0]
    assert not row["embedded"] and row["source"] == source
    rel = ev[ev["cue"] == inner].iloc[0]
    assert rel["embedded"] and rel["target"] != after


@pytest.mark.parametrize("text", [
    "إن فرنسا التي دعمت ألمانيا أدانت روسيا.",  # no comma: not set off
    "وأدانت روسيا فرنسا، التي دعمت ألمانيا. ثم قالت، إنها",  # no closing comma before the sentence ends
    "Israel, which has vowed to stay. Then, it said",
])
def test_a_relative_clause_needs_its_two_commas(text):
    """Twin: a relative word without an opening comma, or whose sentence ends before a closing one, closes no
    clause (in Arabic as in English)."""
    assert clauses.relative_ends(batch([text]).match) == []


_RELATIVE_TEXTS = ["Die Straße und ﬁn: le député, qui a été élu, a dit.",  # "ß", "ﬁ" lengthen the matching form
                   "Israel, which has vowed to stay in Lebanon, rejected the offer."]


def test_relative_ends_reads_the_batch_commas():
    """The batch's matching form keeps every comma (only ``spaced`` blanks punctuation), so the closing commas found
    on it map onto the display's, even where the form is longer than the text; twin: the same texts without
    commas, as FA-KES ships every article (its CSV holds none), give no relative clause."""
    b = batch(_RELATIVE_TEXTS)
    closes = clauses.relative_ends(b.match)
    assert len(closes) == 2 and len(b.match) > len(b.display) and "," not in b.spaced
    assert b.to_display[closes].tolist() == clauses.relative_ends(b.display)
    assert all(b.display[i] == "," for i in b.to_display[closes].tolist())
    bare = batch([t.replace(",", "") for t in _RELATIVE_TEXTS])
    assert clauses.relative_ends(bare.match) == [] and clauses.relative_ends(bare.display) == []


def test_police_dispersing_protesters_coerce(matcher):
    ev = _rows("Egyptian police opened fire to disperse demonstrators in Cairo, killing one person.", matcher)
    assert set(plover_reading(ev)["event"]) == {"COERCE"}


def test_a_participle_after_a_comma_is_the_main_subjects(matcher):
    ev = _rows("Saudi Arabia said Iran ignores the crisis, urging Qatar to act.", matcher)
    urging = ev[ev["cue"] == "urging"].iloc[0]
    assert urging["source"] == "SAU"


@pytest.mark.parametrize(("text", "cue", "pair"), [
    ("Syria has been widely accused by Turkey of dragging its feet.", "accused", ("TUR", "SYR")),
    ("Many fighters were killed in strikes by the US-led coalition.", "strikes", ("USA", "")),
    ("Syria was attacked by Israel.", "attacked", ("ISR", "SYR")),
])
def test_agents_after_by(matcher, text, cue, pair):
    """An adverb between the auxiliary and the participle keeps the passive; a noun cue's agent right after it
    ("strikes by X") is its source; a verb's passive is read as before."""
    row = _rows(text, matcher)
    row = row[row["cue"] == cue].iloc[0]
    assert (row["source"], row["target"]) == pair

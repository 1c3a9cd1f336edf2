"""Round 15 (issue 12, s15-ad): 30 fresh documents and 40 fresh role probes read before tagging, and the classes of
misses they showed, each rule with a twin it must not change.

Held out (measured on the readings as committed in 98994ff, before any change of the round):
documents (tests/data/heldout_documents_s15.csv, seed 20270311): people, states and armed groups P 0.932 R 0.567
F1 0.705 (ar 0.604, en 0.825, fr 0.650; people 0.367, states 0.925, armed groups 0.667); with ``discover_actors``
0.752. 30 of the 37 people missed are people the registry lacks. Role probes (tests/data/role_probes_s15.csv, seed
20270312): 32 of 40 (ar 10/13, en 12/14, fr 10/13). The floors below are after the round's fixes (tuned on these
readings, so no longer held out).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from document_readings import (
    assert_documents_score_at_least,
    assert_fresh_and_balanced,
    assert_probes_missed_at_most,
    ids_by_row,
)

from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.provisional import discover_actors

DATA = Path(__file__).parent / "data"
MISSES_PROBES = 2  # after the fixes: 38 of 40 (see test_round15_role_probes)
FLOOR_DOCS = {"precision": 0.93, "f1": 0.75}  # after: P 0.938 F1 0.753
FLOOR_DISCOVER = {"precision": 0.94, "f1": 0.84}  # after: P 0.949 F1 0.846


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _discovered(matcher, lang: str, text: str) -> list[tuple[str, str]]:
    arts = pd.DataFrame({"article_id": [0], "lang": [lang], "text": [text], "published": ["2020-01-01"]})
    out = discover_actors(arts, registry=matcher)
    return out.loc[out["discovered"], ["actor_id", "evidence"]].apply(tuple, axis=1).tolist()


@pytest.mark.parametrize("lang, text, expected", [
    # a lone surname right after a title reads as after "Mr" (ungdc: "Ambassador Insanally")
    ("en", "Ambassador Quillfeather presided over the session.", [("prov:quillfeather", "title")]),
    # twins: titles that also name districts and roads, a title ending a clause, a registry surname misspelt
    ("en", "Sheikh Maqsoud was shelled again.", []),
    ("en", "goodness, mercy and justice, Orthodoxy in many respects", []),
    ("en", "its Chairman, President Nazabayev, spoke.", []),  # Nazarbayev, one letter away: the registry's
    # the office's body between a title and its holder (wh-readouts: "Speaker of Parliament Nabih Berri")
    ("en", "He thanked Speaker of Parliament Jon Quillfeather and the Prime Minister.",
     [("prov:jon_quillfeather", "title")]),
    ("en", "The Speaker of Parliament Quillfeather spoke.", []),  # twin: one word after the body stays out
    ("en", "The Board of Directors Sam Quill met.", []),
    # the particle of a surname after a honorific is the surname's (meae-fr: "Mme de Sarnez")
    ("fr", "Je salue Mme de Quillfeather, votre présidente.", [("prov:de_quillfeather", "title")]),
    ("fr", "Je salue M. Quillfeather, votre président.", [("prov:quillfeather", "title")]),  # twin
])
def test_latin_titles_before_a_name(matcher, lang, text, expected):
    assert _discovered(matcher, lang, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the Arabic apposition: the name, then its title (wikinews-ar: "إيفانغيلينوس فينيزيلوس رئيس الحركة")
    ("في الائتلاف، جون كويلفيذر رئيس الحزب الجديد.", [("prov:جون_كويلفيذر", "apposition")]),
    ("أفلام جون كويلفيذر والأمير الهجين.", []),  # twin: "و" + title is a coordination
    # professions as titles (wikinews-ar: "المدرب البرتغالي مانويل جوزيه", "الحارس الدولي السلوفيني ...")
    ("وقال المدرب البرتغالي جون كويلفيذر إن الفريق جاهز.", [("prov:جون_كويلفيذر", "title")]),
    ("وقال المدرب البرتغالي إن الفريق جاهز.", []),  # twin: the title alone
])
def test_arabic_titles_after_a_name_and_professions(matcher, text, expected):
    assert _discovered(matcher, "ar", text) == expected


def test_round15_role_probes(matcher):
    """40 fresh (phrase, date) probes, seed 20270312 (provenance in the file's header). Held out, before the
    round's changes: 32 of 40 = 0.800 (ar 10/13, en 12/14, fr 10/13). The misses by class: no holder in the
    registry (defence ministers of Tunisia 2015, Niger 2011, Kenya 2019; foreign ministers of Peru 2023, Belgium
    2002: 5), Peru's prime minister (no office in the registry: 2, one of them in a pair), Myanmar's prime minister
    of 2008 (the CIA terms give Than Shwe, the head of state; Thein Sein was prime minister from 2007).

    After (tuned): 38 of 40. Left: Peru's prime minister (the President of the Council of Ministers: no office in
    the registry, the CIA terms make Peru's president the head of government), alone and in the pair."""
    assert_probes_missed_at_most(DATA / "role_probes_s15.csv", matcher, misses=MISSES_PROBES)


def test_round15_documents_file_is_fresh_and_balanced():
    assert_fresh_and_balanced(DATA / "heldout_documents_s15.csv", n=30)


def test_round15_documents_score_at_least_what_was_measured(matcher):
    assert_documents_score_at_least(DATA / "heldout_documents_s15.csv", matcher, tagged=FLOOR_DOCS,
                                    discovered=FLOOR_DISCOVER)


def _tag(matcher, rows: list[tuple[str, str]]) -> list[list[str]]:
    return ids_by_row(matcher, rows, distinct=False)


def test_a_head_of_states_title_naming_two_offices_leaves_the_prime_minister_to_the_government(matcher):
    """Myanmar's head of state of 2021-2025 is titled "Prime Minister, State Administration Council Chairman" in
    the CIA terms: "prime minister" named the head of state on every date (Than Shwe in 2008)."""
    assert _tag(matcher, [("2008-09-27", "the Prime Minister of Myanmar"), ("2008-09-27", "رئيس وزراء ميانمار"),
                          ("2022-06-01", "the Prime Minister of Myanmar"),
                          ("2008-09-27", "the President of Myanmar")]) == [  # twin: the head of state stays
        ["per:thein_sein"], ["per:thein_sein"], ["per:min_aung_hlaing"], ["per:than_shwe"]]


def test_curated_ministers_of_elected_council_members_by_date(matcher):
    assert _tag(matcher, [("2015-01-14", "the Defence Minister of Tunisia"),
                          ("2016-06-01", "the Defence Minister of Tunisia"),  # twin: the earlier curated holder
                          ("2002-12-24", "le ministre des Affaires étrangères de la Belgique"),
                          ("2011-08-02", "وزير دفاع النيجر")]) == [
        ["per:ghazi_jeribi"], ["per:farhat_horchani"], ["per:louis_michel"], ["per:karidjo_mahamadou"]]


def test_popes_regnal_names_in_french_and_arabic(matcher):
    assert _tag(matcher, [("2012-10-18", "par le pape Benoît XVI"), ("2012-10-18", "le pape Jean-Paul II"),
                          ("2003-01-01", "البابا يوحنا بولس الثاني"),
                          ("2003-01-01", "Jean-Paul Belmondo a tourné")]) == [  # twin: the first name alone
        ["per:benedict_xvi"], ["per:john_paul_ii"], ["per:john_paul_ii"], []]


def test_a_surname_possessive_without_its_apostrophe_is_the_person_by_date(matcher):
    """FA-KES loses apostrophes: "Bashar Assads forces" (182 times). On FA-KES: +182 mentions (Assads 175, Obamas
    5, Hollandes, Kerrys), all read right; one counterpart moved with them (Kerry's "Qatari counterpart")."""
    from diplolib.actors import load_registry

    assert _tag(matcher, [("2016-07-12", "Bashar Assads forces with assistance"), ("1995-01-01", "Assads regime"),
                          ("2013-09-01", "Obamas announcement"),
                          ("2013-09-01", "the trumps of the game")]) == [  # twin: an ordinary word stays one
        ["per:bashar_al_assad"], ["per:hafez_al_assad"], ["per:barack_obama"], []]
    aliases = load_registry().aliases
    made = aliases[aliases["source"] == "possessive"]
    assert not made["alias"].isin(["Trumps", "Jordans", "Thomass"]).any()  # an ordinary word, a state, a final s


def test_egyptian_spellings_of_written_arabic_names_of_foreigners():
    """wikinews-ar writes كاترين أشتون, مارجريت تشان, جوزيه مانويل باروزو (th as t, g as j, an s between vowels as z)
    where the registry's written names have كاثرين، مارغريت، باروسو. On wikinews-ar (68) and 1,500 UNPC Arabic
    documents: 4 new mentions (these three and سامانتا باور), all right."""
    from diplolib.actors.transliterate import arabic_variants

    actors = [{"actor_id": "p:a", "kind": "person", "country": "GBR"},
              {"actor_id": "p:b", "kind": "person", "country": "EGY"}]
    aliases = [{"actor_id": "p:a", "alias": "مارغريت ثورن", "lang": "ar", "kind": "name", "source": "curated"},
               {"actor_id": "p:a", "alias": "جوزيه باروسو", "lang": "ar", "kind": "name", "source": "curated"},
               {"actor_id": "p:a", "alias": "ثورن", "lang": "ar", "kind": "short_name", "source": "curated"},
               # twins: an Egyptian's own name, a generated transliteration (its rules give its forms)
               {"actor_id": "p:b", "alias": "غادة ثابت", "lang": "ar", "kind": "name", "source": "curated"},
               {"actor_id": "p:a", "alias": "غريغ ثيرون", "lang": "ar", "kind": "name", "source": "rule:transliterate"}]
    got = {r["alias"] for r in arabic_variants(actors, aliases)}
    assert got == {"مارغريت تورن", "مارجريت ثورن", "مارجريت تورن", "جوزيه باروزو"}

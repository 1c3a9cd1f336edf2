"""Round 18 (issue 12, s18-ad): 30 fresh documents and 40 fresh role probes read before tagging, and the classes of
misses they showed, each rule with a twin it must not change.

Held out (measured on the readings as committed in 05f5e37, before any change of the round): documents
(tests/data/heldout_documents_s18.csv, seed 20270711): people, states and armed groups P 0.922 R 0.683 F1 0.785
(ar 0.679, en 0.794, fr 0.877; people 0.444, states 0.981, armed groups 0.800); with ``discover_actors`` 0.842
(P 0.930 R 0.769). 31 of the 32 people missed are people the registry lacked (the 32nd: a UNGDC speech has no date). Role probes
(tests/data/role_probes_s18.csv, seed 20270712): 28 of 40 (ar 7/13, en 10/14, fr 11/13). The floors below are after
the round's fixes (tuned on these readings, so no longer held out).
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

from diplolib.actors.council_presidencies import EU_PRESIDENCIES, with_eu_chairs
from diplolib.actors.matcher_cache import default_matcher
from diplolib.actors.provisional import discover_actors

DATA = Path(__file__).parent / "data"
MISSES_PROBES = 4  # after all of round 18 (its fixes, then s18-fm and s18-fn's ministers): 36 of 40; its fixes alone: 30
FLOOR_DOCS = {"precision": 0.94, "f1": 0.79}  # after: P 0.947 F1 0.800
FLOOR_DISCOVER = {"precision": 0.95, "f1": 0.87}  # after: P 0.955 F1 0.875


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def test_round18_role_probes(matcher):
    """40 fresh (phrase, date) probes, seed 20270712 (provenance in the file's header). Held out, before the
    round's changes: 28 of 40. The misses by class: no holder in the registry (foreign ministers of Thailand 2005,
    Colombia 2010 and 2015; defence ministers of North Korea 2010, Ireland 2020, Kazakhstan 2014, Nigeria 2020 and
    Poland 2007: 8, left to the round's minister curation); no deputy prime ministers (Italy 2002) nor Sudan's
    deputy chair of the Sovereignty Council (2021); no European Council chair before 2009 ("the European Council
    president" of 2003: Berlusconi); "رئيس الحكومة المغربية" (the head of government named by his government).

    After (tuned): 30 of 40; the eight ministers, the deputy prime minister and Sudan's deputy chair are left."""
    assert_probes_missed_at_most(DATA / "role_probes_s18.csv", matcher, misses=MISSES_PROBES)


def test_round18_documents_file_is_fresh_and_balanced():
    assert_fresh_and_balanced(DATA / "heldout_documents_s18.csv", n=30)


def test_round18_documents_score_at_least_what_was_measured(matcher):
    assert_documents_score_at_least(DATA / "heldout_documents_s18.csv", matcher, tagged=FLOOR_DOCS,
                                    discovered=FLOOR_DISCOVER)


def test_the_head_of_government_named_by_his_government(matcher):
    """"رئيس الحكومة المغربية": the Arabic adjective agrees with الحكومة (feminine), the French one with
    "gouvernement" (masculine) whoever holds the office; for every state with a prime minister."""
    assert ids_by_row(matcher, [("2024-12-29", "رئيس الحكومة المغربية"),
                          ("2022-03-01", "رئيسة الحكومة التونسية"),
                          ("2024-12-29", "le chef du gouvernement marocain"),
                          ("2023-03-01", "la cheffe du gouvernement italien"),
                          ("2024-12-29", "وأعلنت الحكومة المغربية"),  # twin: the government, the state
                          ("2024-12-29", "le porte-parole du gouvernement marocain"),  # twin: another office
                          ("2020-01-01", "رئيس الحكومة الأمريكية")]) == [  # twin: a presidential state has no PM
        ["per:aziz_akhannouch"], ["per:najla_bouden"], ["per:aziz_akhannouch"], ["per:giorgia_meloni"],
        ["MAR"], ["MAR"], ["USA"]]


def test_the_european_councils_chair_before_its_permanent_president(matcher):
    """Before 2009-12-01 the head of the Council presidency's government chaired the European Council (France's
    president for France); the build derives the office from the presidencies and the heads by date."""
    assert ids_by_row(matcher, [("2003-09-02", "the European Council president"),
                          ("2004-03-02", "the President of the European Council"),
                          ("2008-10-15", "le président du Conseil européen"),
                          ("2010-03-02", "the President of the European Council"),  # twin: the permanent one
                          ("2003-09-02", "the President of the European Commission")]) == [  # twin: another body
        ["per:silvio_berlusconi"], ["per:bertie_ahern"], ["per:nicolas_sarkozy"], ["per:herman_van_rompuy"],
        ["per:romano_prodi"]]


def test_council_chairs_follow_a_change_of_government_inside_a_semester():
    assert len(EU_PRESIDENCIES) == 30 and EU_PRESIDENCIES[0] == ("FRA", "1995-01-01", "1995-07-01")
    heads = [{"actor_id": "per:a", "role": "head_of_government", "of": "CZE", "start": "2006-08-16",
              "end": "2009-05-08"},
             {"actor_id": "per:b", "role": "head_of_government", "of": "CZE", "start": "2009-05-08", "end": ""},
             {"actor_id": "per:c", "role": "head_of_state", "of": "CZE", "start": "2003-03-07", "end": ""}]
    chairs = [(r["actor_id"], r["start"], r["end"]) for r in with_eu_chairs(heads) if r["role"] == "council_president"]
    assert chairs == [("per:a", "2009-01-01", "2009-05-08"), ("per:b", "2009-05-08", "2009-07-01")]  # not the head of
    # state of a state whose head of government sits


def test_a_role_phrase_apposed_to_another_persons_name(matcher):
    """kremlin-en 2005: "South Korean Minister of Foreign Affairs and Trade, Kim Hyun Chon," was read as the
    registry's holder that day (Ban Ki-moon); the apposed name is the person meant. The mention stays, unresolved."""
    assert ids_by_row(matcher, [
        ("2005-11-19", "signed by South Korean Minister of Foreign Affairs and Trade, Kim Hyun Chon, in the presence of"),
        ("2005-11-19", "le ministre sud-coréen des Affaires étrangères, Kim Hyun Chon, a signé"),
        ("2005-11-19", "the South Korean Minister of Foreign Affairs and Trade said"),  # twin: no name
        ("2005-11-19", "the President of the Republic of Korea, Roh Moo Hyun."),  # twin: the holder, spelt otherwise
        ("2005-11-19", "the Presidents of France, Costa Rica and Brazil met"),  # twin: coordinated states
        ("2005-11-19", "the Minister for Foreign Affairs of Iran, New York, 12 May"),  # twin: a place
        # twin (kremlin-en 2003): the holder's name second in the apposition, the wives' names the first
        ("2003-06-25", "the wives of the Russian President and the British Prime Minister, Lyudmila Putin and "
                       "Cherie Blair.")]) == [
        [], [], ["per:ban_ki_moon"], ["per:roh_moo_hyun"],
        ["per:abel_pacheco", "per:jacques_chirac", "per:luiz_inacio_lula_da_silva"],
        ["per:manouchehr_mottaki", "place:new_york"], ["per:anthony_blair", "per:vladimir_putin"]]


def test_discovery_reads_an_arabic_title_after_li(matcher):
    """"للمخرج ستيفن سبيلبرغ" (wikinews-ar 2013): li- before the article takes its alif; the title was not seen."""
    texts = ["وقد تفوق الفيلم على فيلم لينكولن، للمخرج ستيفن سبيلبرغ، والذي يتناول",
             "قدم الشكر للرئيس أحمد الأحمدي على دعمه",
             "وتحتاج الحكومة للمخرج من الأزمة"]  # twin: "a way out", no name after it
    arts = pd.DataFrame({"article_id": range(3), "lang": "ar", "text": texts, "published": "2013-02-25"})
    found = discover_actors(arts, registry=matcher)
    got = found[found["discovered"]].groupby("article_id")["surface"].agg(sorted)
    assert [got.get(i, []) for i in range(3)] == [["ستيفن سبيلبرغ"], ["أحمد الأحمدي"], []]


def test_former_names_of_un_members(matcher):
    """UNGDC 1965: "the admission … of the Gambia, Singapore and the Maldive Islands"; the names the UN used for
    Benin, Madagascar, Samoa and Cambodia before their renaming."""
    assert ids_by_row(matcher, [("1965-10-01", "the Gambia, Singapore and the Maldive Islands"),
                          ("1970-10-01", "la République du Dahomey et la République malgache"),
                          ("1980-10-01", "Democratic Kampuchea and Western Samoa"),
                          ("2010-10-01", "the Maldives"),  # twin: today's name
                          ("2010-10-01", "the Khmer Rouge")]) == [  # twin: not the state
        ["GMB", "MDV", "SGP"], ["BEN", "MDG"], ["KHM", "WSM"], ["MDV"], []]


def test_a_capital_naming_where_attacks_happened(matcher):
    """meae-fr 2020: "la condamnation des attentats de Nice et de Vienne" was Austria; the attacks are named by
    their cities, as "les accords de Vienne" are."""
    assert ids_by_row(matcher, [("2020-11-10", "la condamnation des attentats de Nice et de Vienne"),
                          ("2015-11-20", "après les attentats de Paris"),
                          ("2020-11-10", "la condamnation de Vienne"),  # twin: the government
                          ("2022-03-01", "l'attaque de Moscou contre Kiev")]) == [  # twin: not an attentat
        [], [], ["AUT"], ["RUS", "UKR"]]


def test_discovery_reads_a_name_after_an_age(matcher):
    """FA-KES 2015: "They identify themselves as 21-year-old Faysal Hussein Habibi and 20-year-old Bishr Abdul-Azim":
    an age right before a capitalised run is a person's cue, as a title is; not after an article ("a 10-year-old
    Toyota Corolla")."""
    texts = ["They identify themselves as 21-year-old Faysal Hussein Habibi and 20-year-old Bishr Abdul-Azim.",
             "He drove a 10-year-old Toyota Corolla to Damascus.",  # twin: a thing's age
             "They identify themselves as Faysal Hussein Habibi and Bishr Abdul-Azim."]  # twin: no cue, as before
    arts = pd.DataFrame({"article_id": range(3), "lang": "en", "text": texts, "published": "2015-07-06"})
    found = discover_actors(arts, registry=matcher)
    got = found[found["discovered"]].groupby("article_id")["surface"].agg(sorted)
    assert [got.get(i, []) for i in range(3)] == [["Bishr Abdul-Azim", "Faysal Hussein Habibi"], [], []]


def test_an_arabic_nisba_is_no_one_letter_slip():
    """Integration of s18-ad with s18-fm: the registry gained أحمد فهد الأحمد (Kuwait), and "للرئيس أحمد الأحمدي"
    was taken for him as a one-letter slip of his surname. A final nisba ي makes another family name; a letter
    changed inside the word stays a slip (باروزو for باروسو), and so does a letter dropped elsewhere."""
    from diplolib.actors.name_rules import _one_edit

    assert [_one_edit("الأحمدي", "الأحمد"), _one_edit("الأحمد", "الأحمدي"),
            _one_edit("باروزو", "باروسو"), _one_edit("الأحمدى", "الأحمد"), _one_edit("نزاربايف", "نزارباييف")] == [
        False, False, True, True, True]

"""Round 16 (issue 12, s16-ad): 30 fresh documents and 40 fresh role probes read before tagging, and the classes of
misses they showed, each rule with a twin it must not change.

Held out (measured on the readings as committed in 7875c49, before any change of the round):
documents (tests/data/heldout_documents_s16.csv, seed 20270411): people, states and armed groups P 0.956 R 0.657
F1 0.778 (ar 0.745, en 0.773, fr 0.829; people 0.575, states 0.965); with ``discover_actors`` 0.840. 28 of the 32
people missed are people the registry lacks. Role probes (tests/data/role_probes_s16.csv, seed 20270412): 29 of 40 as
written (ar 11/14, en 9/13, fr 9/13), 30 with one id written wrong before tagging corrected (the registry spells
Thailand's 2006 prime minister per:surayut_chulanon). The floors below are after the round's fixes (tuned on these
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
MISSES_PROBES = 3  # after round 18 (s18-fm, s18-fn: the foreign ministers): 37 of 40; round 16: 32 of 40
FLOOR_DOCS = {"precision": 0.96, "f1": 0.79}  # after: P 0.971 F1 0.790
FLOOR_DISCOVER = {"precision": 0.95, "f1": 0.89}  # after: P 0.955 F1 0.898


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def test_round16_role_probes(matcher):
    """40 fresh (phrase, date) probes, seed 20270412 (provenance in the file's header). Held out, before the
    round's changes: 29 of 40 as written, 30 with Thailand's prime minister's id corrected (ar 11/14, en 9/13,
    fr 10/13). The misses by class: no holder in the registry (foreign ministers of Cameroon 2002, Romania 2014,
    Singapore 2015, Ecuador 2002; the Philippines' defence minister 2008; Sudan's first vice-president 2013;
    Spain's heir 2005: 7), coordinated possessives ("Chile's and South Korea's presidents": 2), Ireland's deputy
    prime minister (the Tánaiste: no office in the registry).

    After (tuned): 32 of 40 (the two coordinated possessives); the eight others left. Round 18 (s18-fm, s18-fn)
    wrote the foreign ministers of Romania, Singapore and Ecuador (and the Philippines' defence ministers): 37 of 40."""
    assert_probes_missed_at_most(DATA / "role_probes_s16.csv", matcher, misses=MISSES_PROBES)


def test_round16_documents_file_is_fresh_and_balanced():
    assert_fresh_and_balanced(DATA / "heldout_documents_s16.csv", n=30)


def test_round16_documents_score_at_least_what_was_measured(matcher):
    assert_documents_score_at_least(DATA / "heldout_documents_s16.csv", matcher, tagged=FLOOR_DOCS,
                                    discovered=FLOOR_DISCOVER)


def test_a_registry_short_name_before_a_name_word_is_inside_a_longer_name(matcher):
    """UNGDC: "Mr. Diogo Freitas do Amaral" was Luisa Diogo (130 times), "Mr. Adam Malik" Hans-Adam II (84), "Sin Tong
    Hyok" Anote Tong. A name word right after a registered short name (capitalised, not a title, an alias, an ordinary
    word, a numeral nor a word of the owner's own names) makes the hit part of a name the registry lacks. On UNGDC,
    FA-KES, wh-readouts (a fifth) and kremlin-en (a tenth): 324 hits dropped; 40 UNGDC drops read at random (seed
    20270413), 39 right (left: "Jammeh Babil Mansa", his honorific); FA-KES's 11: 9 right ("Zarif Urges", a headline,
    and a list of tags lost)."""
    # round 18 (s18-fm) added Freitas do Amaral (Portugal's foreign minister 2005-2006): his full name is now his
    assert ids_by_row(matcher, [("1995-10-01", "congratulating Mr. Diogo Freitas do Amaral on his election"),
                          ("2016-10-01", "the delegate Sin Tong Hyok said"),
                          ("1971-10-01", "your predecessor, Mr. Adam Malik, who presided")]) == [
        ["per:diogo_freitas_do_amaral"], [], []]


@pytest.mark.parametrize("date, text, expected", [
    ("2005-01-01", "Prime Minister Luisa Diogo said. Mr. Diogo", ["per:luisa_diogo"]),  # twin: alone, a title before
    ("2022-09-01", "met with Prime Minister Kishida Fumio in Tokyo", ["per:fumio_kishida"]),  # a word of his names
    ("2023-06-01", "advancing the Biden Administration's policy", ["per:joe_biden"]),  # an ordinary word, possessive
    ("2016-07-12", "members of Bashar al-Assads Alawite sect", ["per:bashar_al_assad"]),  # a possessive, no apostrophe
    ("2014-09-01", "President Benigno S. Aquino III and the Filipino people", ["per:benigno_aquino"]),  # a numeral
    ("2016-04-01", "Putin Erdogan talks", ["per:recep_tayyip_erdogan", "per:vladimir_putin"]),  # an alias after
])
def test_short_names_before_other_words_stay(matcher, date, text, expected):
    assert [a for a in ids_by_row(matcher, [(date, text)])[0] if a.startswith("per:")] == expected


def _discovered(matcher, lang: str, text: str) -> list[tuple[str, str]]:
    arts = pd.DataFrame({"article_id": [0], "lang": [lang], "text": [text], "published": ["2013-01-01"]})
    out = discover_actors(arts, registry=matcher)
    return out.loc[out["discovered"], ["actor_id", "evidence"]].apply(tuple, axis=1).tolist()


@pytest.mark.parametrize("text, expected", [
    # a foreign first name beginning with a letter that is also a glued preposition (wikinews-ar, UNPC: "السيد
    # فنسان بوفييه", "وكيل اللاعب كرستيان أولجادي"): the rest of the word is no word, so the letter is the name's
    ("ويشغل هذا المنصب حاليا السيد فنسان كويلفيذر.", [("prov:فنسان_كويلفيذر", "title")]),
    ("وقال الوزير فقط إن الاجتماع انتهى.", []),  # twin: "ف" + a word ("فقط"), a glued conjunction
    ("وأكد الرئيس وفوتيس كويلفيذر الاتفاق.", []),  # twin: "و" before a first name stays a conjunction
    # an Arabic first name that is also a registry person's surname ("أحمد": Abiy Ahmed) no longer rejects the name
    ("من ناحيته أوضح الوزير أحمد كويلفيذر أن", [("prov:احمد_كويلفيذر", "title")]),
    # verbs of reporting before the subject of an apposition ("صرح سيب بلاتر رئيس الفيفا")
    ("صرح جون كويلفيذر رئيس الاتحاد لقناة", [("prov:جون_كويلفيذر", "apposition")]),
    ("بصفتي منسق الفريق، أود", []),  # twin: "in my capacity as" before a title is no name
    # musicians as titles ("الموسيقار المصري الكبير عمار الشريعي")
    ("وقدم الموسيقار المصري جون كويلفيذر حفلا", [("prov:جون_كويلفيذر", "title")]),
])
def test_arabic_names_after_titles_and_before_appositions(matcher, text, expected):
    """On wikinews-ar (68) and 1,463 UNPC Arabic documents: 49 new discovered mentions; on the UNPC part (not read
    before) 19 of 22 right (wrong: "لوركا منسقا", "توماس دي" of Thomas de Waal, "مانويل فاسكيس" cut at a hyphen)."""
    assert _discovered(matcher, "ar", text) == expected


def test_pope_francis_by_his_title_and_regnal_name(matcher):
    """The CIA names him "Francis" alone, a first name the build never matches: his title with the name, in the three
    languages (round 15 covered his predecessors' regnal names)."""
    assert ids_by_row(matcher, [("2014-04-01", "Pope Francis met the envoy."), ("2014-04-01", "le pape François a dit"),
                          ("2014-04-01", "قال البابا فرنسيس"),
                          ("2014-04-01", "Francis Fukuyama said")]) == [  # twin: the first name alone
        ["per:francis"], ["per:francis"], ["per:francis"], []]


def test_a_lower_case_word_before_a_surname_is_no_first_name(matcher):
    """"said Kerry": "Said" is the first name of registry people, so the lower-case verb made "Kerry" someone else's
    surname and dropped it. On FA-KES: 5 mentions back ("Kremlin said Putin", "Trump said Obama"), all right."""
    assert ids_by_row(matcher, [("2015-09-01", "He said Kerry would go."),
                          ("2015-09-01", "Mr. Said Kerry, a trader, would go.")]) == [  # twin: the first name
        ["per:john_kerry"], []]


def test_a_counterpart_is_the_nearest_person_before_its(matcher):
    """Role parity (round 15's class): "his Qatari counterpart" took the role of the sentence's first person, so
    "Obama said Kerry would meet his Qatari counterpart" gave the emir. The nearest person before it now gives the
    role. On FA-KES, wh-readouts (a fifth), kremlin-en (a tenth) and UNGDC: one counterpart changed, FA-KES's
    "Kerry said alongside his Qatari counterpart Khaled al-Attiya" (right)."""
    assert ids_by_row(matcher, [("2015-09-01", "President Obama said Kerry would meet his Qatari counterpart."),
                          ("2015-09-01", "Kerry said President Obama would meet his Qatari counterpart.")]) == [
        ["per:barack_obama", "per:john_kerry", "per:khalid_al_attiyah"],
        ["per:barack_obama", "per:john_kerry", "per:tamim_bin_hamad_al_thani"]]  # twin: the president's, the emir


def test_coordinated_possessives_before_a_plural_title(matcher):
    """"Chile's and South Korea's presidents" named no one (the plural "South Korea's presidents" is no phrase):
    each state's name before "'s" is read as its singular phrase, two states or more. No change on FA-KES,
    wh-readouts (a fifth), kremlin-en (a tenth) or UNGDC (the form is rare in them)."""
    assert ids_by_row(matcher, [("2003-08-06", "Chile's and South Korea's presidents"),
                          ("2011-03-12", "Niger's and Australia's prime ministers met."),
                          ("2003-08-06", "Chile's presidents have long said")]) == [  # twin: one state, plural
        ["per:ricardo_lagos_escobar", "per:roh_moo_hyun"], ["per:julia_gillard", "per:mahamadou_danda"], ["CHL"]]


def test_indefinite_arabic_broken_plurals_of_demonyms(matcher):
    """"باحثون ألمان" (German researchers) named no state: the registry had the definite broken plurals only
    (الألمان). Four indefinite forms (ألمان، أتراك، أفغان، أرمن; not روس, Dennis Ross's surname, nor هنود, "الهنود
    الحمر"). On wikinews-ar and 3,000 UNPC Arabic documents: 3 new mentions, all right. Side effect: the key of ألمان
    is Arnoldo Alemán's Arabic surname, so "الرئيس المان" is no longer his alias."""
    assert ids_by_row(matcher, [("2013-04-07", "وقد تعرف باحثون ألمان على"), ("2013-04-07", "مسؤولين أتراك وسعوديين"),
                          ("2013-04-07", "التقى دينيس روس")]) == [["DEU"], ["SAU", "TUR"], []]  # twin: روس


@pytest.mark.parametrize("text, expected", [
    # a portfolio between "Secretary of" and the holder (wh-readouts: "Acting Secretary of Labor Julie Su"); on a fifth
    # of wh-readouts and 400 UNGDC speeches: 20 discovered mentions new or joined to the full name, all right
    ("Today, Acting Secretary of Labor Jon Quillfeather convened asset owners.", [("prov:jon_quillfeather", "title")]),
    ("Today, the Labor Party of Jon Quillfeather met.", []),  # twin: a party is no office
])
def test_portfolios_between_a_title_and_its_holder(matcher, text, expected):
    assert _discovered(matcher, "en", text) == expected

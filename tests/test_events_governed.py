"""Round-5 rules: a material noun cue governed by a preposition takes no source from its clause
(events/governed.py), and heavy weapons named in the source's own noun phrase make an attack FIGHT."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events
from diplolib.events.governed import governed_nouns


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def _events(texts: list[str], matcher, lang: str = "en") -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "lang": lang, "text": texts})
    return extract_events(arts, registry=matcher)


def _sources(ev: pd.DataFrame, article: str, event: str | None = None) -> set[str]:
    rows = ev[ev["article_id"] == article]
    if event is not None:
        rows = rows[rows["event"] == event]
    return set(rows["source"])


def test_governed_noun_cue_takes_no_source_from_its_clause(matcher):
    ev = _events(["The Security Council expressed its outrage at attacks in Syria.",  # the speaker, not the attacker
                  "Turkey condemned the escalation of attacks in Aleppo.",
                  "Syrian warplanes were heard over Raqqa following the air base attack."], matcher)
    assert "org:unsc" not in _sources(ev, "0", "ASSAULT")
    assert "TUR" not in _sources(ev, "1", "ASSAULT")
    assert "SYR" not in _sources(ev, "2", "ASSAULT") | _sources(ev, "2", "FIGHT")
    assert set(ev.loc[ev["article_id"] == "1", "event"]) >= {"DISAPPROVE"}  # the governing cue keeps its source


def test_noun_cue_qualified_or_taken_part_in_keeps_its_doer(matcher):
    ev = _events(["Israeli air raids killed 20 people in Gaza.",  # the demonym qualifies the noun
                  "Russia intensified its attacks on Aleppo.",  # the subject's verb governs the noun
                  "The rebels have blamed Iran for the attack.",  # 'for' names the doer
                  "Syrian and Russian warplanes have launched a wave of air strikes on Idlib.",  # a quantity of deeds
                  "The Syrian Democratic Forces have been locked in battle with Islamic State in Raqqa."], matcher)
    assert "ISR" in _sources(ev, "0")
    assert "RUS" in _sources(ev, "1", "ASSAULT")
    assert "IRN" in _sources(ev, "2")
    assert "RUS" in _sources(ev, "3")
    assert "grp:sdf" in _sources(ev, "4", "FIGHT")


def test_governed_noun_in_french_and_arabic(matcher):
    fr = _events(["Les autorités turques ont annoncé la condamnation des attentats de Vienne."], matcher, "fr")
    assert "TUR" not in _sources(fr, "0", "ASSAULT")
    ar = _events(["ونشرت فلسطين رسائل ردا على هجمات على إسرائيل."], matcher, "ar")
    assert "PSE" not in _sources(ar, "0", "ASSAULT")


def test_governed_nouns_reads_back_to_the_first_verb():
    spaced = "  russia launched an attack on them  "[1:]  # spaced[i + 1] == match[i]
    match = spaced[1:-1]
    lo = np.array([len("russia")])
    cue = np.array([match.index("attack")])
    assert not governed_nouns(spaced, cue, ["attack"], lo, "en")[0]  # "launched" stops the read
    spaced2 = " russia voiced outrage at the attack "
    cue2 = np.array([spaced2[1:].index("attack")])
    assert governed_nouns(spaced2, cue2, ["attack"], lo, "en")[0]
    assert not governed_nouns(spaced2, cue2, ["killed"], lo, "en")[0]  # a verb cue is never read


def test_heavy_weapons_in_the_subject_phrase_make_the_attack_fight(matcher):
    ev = _events(["Syrian government air strikes on opposition-held neighborhoods of the divided second city of "
                  "Aleppo killed at least 15 civilians and injured 20 on Wednesday.",
                  "Israeli soldiers killed a Palestinian in Hebron."], matcher)
    killed = ev[(ev["article_id"] == "0") & ev["cue"].isin(["killed", "injured"])]
    assert len(killed) and set(killed["event"]) == {"FIGHT"} and set(killed["mode"]) == {"heavy-weapons"}
    assert set(ev.loc[(ev["article_id"] == "1") & (ev["cue"] == "killed"), "event"]) == {"ASSAULT"}


@pytest.mark.parametrize(("lang", "text", "hidden"), [
    ("en", "The White House said the US was following up on press reports about Russian airstrikes.", "DEMAND"),
    ("fr", "L'Espagne autorise l'avortement sur simple demande de la femme.", "DEMAND"),
    ("fr", "Bruxelles y voit un signe de détermination de la Grèce.", "AGREE"),
    ("ar", "أدلى رئيس مجلس الأمن فيما يتصل بنظر المجلس في الوضع في سوريا بالبيان التالي.", "CONSULT"),
    ("ar", "وسيدعم المكتب أنشطة الأمم المتحدة بما يتفق مع توجيهات الجمعية العامة.", "AGREE"),
    ("ar", "حشد الدعم الدولي لفلسطين من خلال عمل الأمم المتحدة.", "MOBILIZE"),
])
def test_false_friends_of_round_5(matcher, lang, text, hidden):
    """Fixed expressions read by hand in seed 2030's sample as events: 'press reports', 'sur simple demande',
    'un signe de', 'فيما يتصل' (in connection with), 'بما يتفق مع' (consistent with), 'حشد الدعم' (mobilising
    support)."""
    assert hidden not in set(_events([text], matcher, lang)["event"])


def test_false_friends_leave_the_verbs(matcher):
    ev_fr = _events(["La France signe un accord avec l'Allemagne."], matcher, "fr")
    assert "AGREE" in set(ev_fr["event"])
    ev_en = _events(["Britain pressed Russia to withdraw its troops."], matcher)
    assert "DEMAND" in set(ev_en["event"])
    ev_ar = _events(["اتفقت روسيا وتركيا على وقف إطلاق النار."], matcher, "ar")
    assert "AGREE" in set(ev_ar["event"])

"""Ninth-round theme rules (issue 16): cues bound to a document's body, hits inside addresses, classes of misfires.

Each case is a short sentence written for the rule (no corpus text); the rule's reason is in themes.yaml.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes import ThemeFileError, load_themes, tag_themes, un_body


def _themes(text: str, lang: str = "en", **kw) -> set[tuple[str, str]]:
    arts = pd.DataFrame({"article_id": ["a"], "lang": [lang], "text": [text], "organ": [kw.pop("organ", "")]})
    hits = tag_themes(arts, **kw).dropna(subset=["theme"])
    return set(zip(hits["theme"], hits["surface"], strict=True))


SC_DOC = [
    ("en", "Council members condemned the attack and the Council will meet again.", {"Council members", "the Council"}),
    ("fr", "Les membres du Conseil ont condamné l'attaque.", {"Conseil"}),
    ("ar", "وأعرب أعضاء المجلس عن قلقهم.", {"المجلس"}),
]


@pytest.mark.parametrize(("lang", "text", "surfaces"), SC_DOC)
def test_the_council_is_the_security_council_in_its_own_documents_only(lang, text, surfaces):
    sc = {s for t, s in _themes(text, lang, organ="Security Council", body="organ") if t == "security_council"}
    assert sc == surfaces
    assert not {s for t, s in _themes(text, lang, organ="General Assembly", body="organ") if t == "security_council"}
    assert not {s for t, s in _themes(text, lang) if t == "security_council"}, "no body given: never the UN's Council"


def test_another_council_in_a_security_council_document_is_not_it():
    assert not _themes("Le Conseil d'administration a félicité le Koweït.", "fr", organ="Security Council", body="organ")
    assert not _themes("The Council of Europe met.", organ="Security Council", body="organ")
    text = "Le Conseil de sécurité a adopté la résolution."  # the full name keeps its own cue, in any document
    assert ("security_council", "Conseil de sécurité") in _themes(text, "fr")


def test_un_body_reads_the_symbol():
    got = un_body(pd.Series(["S/2015/29", "A/HRC/28/1", "a/69/767", "E/2015/21", "UNEP/CHW.12/12", None]))
    assert got.tolist() == ["Security Council", "Human Rights Council", "General Assembly",
                            "Economic and Social Council", "", ""]


def test_body_errors_name_the_fix(tmp_path):
    arts = pd.DataFrame({"article_id": ["a"], "lang": ["en"], "text": ["The Council met."]})
    with pytest.raises(ValueError, match="body="):
        tag_themes(arts, body="organ")
    bad = tmp_path / "t.yaml"
    bad.write_text("themes:\n  - id: a\n    label: A\n    context:\n      en: {body: [x], not_near: [y]}\n    cues:\n"
                   "      en: [abc]\n", encoding="utf-8")
    with pytest.raises(ThemeFileError, match=r"t.yaml:5: .*'body' is a key of a cue"):
        load_themes(bad)


def test_hits_inside_web_and_mail_addresses_are_dropped():
    got = _themes("Write to press@unicef.org or see www.un.org. UNICEF and the U.N. said so.")
    assert got == {("un", "UNICEF"), ("un", "U.N.")}


MISFIRES = [  # (lang, text, theme that must not fire)
    ("en", "The two leaders signed the Strategic Offensive Reductions Treaty.", "ground_offensive"),
    ("fr", "La réduction des armements stratégiques offensifs.", "ground_offensive"),
    ("en", "Members of the North Atlantic Treaty Organization met.", "agreement"),
    ("fr", "L'Organisation du Traité de l'Atlantique Nord s'est réunie.", "agreement"),
    ("en", "All Sukhoi jets use your engines.", "airstrike"),
    ("en", "The space industry grew in the difficult post-war years.", "conflict"),
    ("en", "Exports of palm oil and other oil-bearing crops rose.", "energy"),
    ("en", "He met the Minister of Economic Development and Trade.", "trade"),
    ("en", "Soldiers seized children in the dead of night.", "casualties"),
]


@pytest.mark.parametrize(("lang", "text", "theme"), MISFIRES)
def test_misfire_classes(lang, text, theme):
    assert theme not in {t for t, _ in _themes(text, lang)}


KEPT = [  # the same words in their theme's sense
    ("en", "The army launched an offensive on the town.", "ground_offensive"),
    ("en", "The treaty was signed in Moscow.", "agreement"),
    ("en", "Israeli jets struck targets in Gaza.", "airstrike"),
    ("en", "The prime minister announced his resignation.", "political_transition"),
    ("en", "The war in Syria entered its fifth year.", "conflict"),
    ("en", "The two states restored diplomatic relations.", "diplomatic_relations"),
    ("en", "Oil exports fell.", "energy"),
    ("en", "Trade between the two countries grew.", "trade"),
    ("en", "Twenty people were found dead after the shelling.", "casualties"),
]


@pytest.mark.parametrize(("lang", "text", "theme"), KEPT)
def test_senses_kept(lang, text, theme):
    assert theme in {t for t, _ in _themes(text, lang)}


def test_a_footnote_number_after_the_full_stop_is_no_address():
    assert ("casualties", "blessés") in _themes("Les forces ont pris en charge les blessés.34", "fr")

"""Theme rules of issue 16's sixth round, one class each: the misfire is gone and the theme's sense still fires.

The classes came from a fresh reading of 142 hits (seed 20261211, /work/eval, not committed: it is tune data) and
from the disagreements of the UNPC tune half (``theme_disagreements``); the sentences below are written for the test
in the pattern of what was read, not copied from a corpus. All are tagged in one call (module fixture).
"""

from __future__ import annotations

import pandas as pd
import pytest
from suite_cache import shipped_themes

from diplolib.themes import tag_themes
from diplolib.themes.cues import cue_pattern

# (lang, text, theme, fires): whether the theme must fire in that text
CASES = [
    # a suicide, "se donner la mort", is no casualty of conflict; a death in an attack still is
    ("fr", "Un agent de 28 ans s'était donné la mort en sautant du dernier étage.", "casualties", False),
    ("fr", "L'attaque a fait trois morts et dix blessés près de la frontière.", "casualties", True),
    # "ont manifesté leur opposition": showed an opinion, not a street protest
    ("fr", "Les associations étudiantes ont manifesté leur opposition au projet du gouvernement.", "protests", False),
    ("fr", "Des milliers d'étudiants ont manifesté dans les rues de Montréal.", "protests", True),
    # an ambassador of a cause or an organisation's programme is no diplomat
    ("en", "She met the WHO Global Ambassador and a UNICEF goodwill ambassador.", "diplomatic_relations", False),
    ("en", "The ambassador of France was summoned to the foreign ministry.", "diplomatic_relations", True),
    # a veterans' charity named after the wounded
    ("en", "The participants included the Wounded Warrior Project and a disability network.", "casualties", False),
    # a figurative fight for a cause
    ("en", "They thanked the doctors fighting to protect the ability of people to make decisions.", "clashes", False),
    ("en", "Heavy fighting broke out between the army and the rebels near the airport.", "clashes", True),
    # a state's own envoy is no UN envoy
    ("en", "The American special envoy for Northern Ireland met party leaders.", "un_envoy", False),
    ("en", "The UN special envoy for Syria met the opposition delegation in Geneva.", "un_envoy", True),
    # pilgrims visiting a shrine make no official visit
    ("en", "Pilgrims from around the world visit the holy site every year.", "visit", False),
    ("en", "The Prime Minister will visit Moscow next week for talks.", "visit", True),
    # a state's own security council and its decision: neither the UN Security Council nor a UN resolution
    ("ar", "استنادا إلى القرار الذي اتخذه مجلس الأمن والدفاع الوطني في أوكرانيا", "resolution", False),
    ("ar", "استنادا إلى القرار الذي اتخذه مجلس الأمن والدفاع الوطني في أوكرانيا", "security_council", False),
    ("ar", "اعتمد مجلس الأمن القرار 2254 بالإجماع", "security_council", True),
    # storming a building is no invasion
    ("fr", "Le Royaume-Uni avait menacé d'envahir l'ambassade pour arrêter le fondateur.", "conflict", False),
    ("fr", "La Russie a envahi l'Ukraine en février.", "conflict", True),
    # a domestic bargain (an electoral pact, wages) is no talks between parties to a conflict or states
    ("fr", "L'accord électoral négocié entre les deux partis prévoit une réduction.", "talks", False),
    ("en", "The union is negotiating wages with the employers.", "talks", False),
    ("fr", "Les négociations de paix entre le gouvernement et les rebelles reprennent.", "talks", True),
    # English possessives in cues: "women s rights" matches women's rights, "russia s" excludes Russia's council
    ("en", "Legislation should keep women's rights at the top of the political agenda.", "rights_abuses", True),
    ("en", "Legislation should keep women’s rights at the top of the political agenda.", "rights_abuses", True),
    ("en", "Putin chaired a meeting of Russia's Security Council on the economy.", "security_council", False),
    # UNPC: the English of ضحايا and خسائر بشرية
    ("en", "Israel will not allow its citizens to be the victims of these attacks.", "casualties", True),
    ("en", "Military conflicts have taken a heavy human toll in these countries.", "casualties", True),
    ("en", "Victims of trafficking receive shelter and legal aid.", "casualties", False),
    # UNPC: a death in a family or a register is no casualty
    ("en", "The widows were excluded from inheriting any property upon the death of their spouses.", "casualties", False),
    ("en", "The aim is to register every pregnancy, birth and death by 2030.", "casualties", False),
    ("fr", "Les veuves sont exclues de la succession au décès de leur mari, mort en 2010.", "casualties", False),
    # UNPC: illicit trade is crime (Arabic الاتجار, trafficking), not the economy's trade
    ("en", "Terrorist groups benefit from the illicit trade in natural resources.", "trade", False),
    ("fr", "Les groupes terroristes profitent du commerce illicite des ressources naturelles.", "trade", False),
    ("ar", "تستفيد الجماعات الإرهابية من التجارة غير المشروعة بالموارد الطبيعية", "trade", False),
    ("en", "Trade between the two countries grew by ten per cent.", "trade", True),
]


@pytest.fixture(scope="module")
def found():
    arts = pd.DataFrame({"article_id": [f"c{i}" for i in range(len(CASES))], "lang": [c[0] for c in CASES],
                         "text": [c[1] for c in CASES]})
    hits = tag_themes(arts).dropna(subset=["theme"])
    return set(zip(hits["article_id"], hits["theme"], strict=True))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[2]}-{'fires' if c[3] else 'silent'}-{i}" for i, c in enumerate(CASES)])
def test_rule(found, i):
    lang, text, theme, fires = CASES[i]
    assert ((f"c{i}", theme) in found) is fires, f"{theme} should {'fire' if fires else 'stay silent'} in {text!r}"


def test_possessive_only_in_english():
    """The apostrophe alternative is English only: French elisions already become spaces in the matching form."""
    assert "'" in cue_pattern("women s rights", "en")
    assert "'" not in cue_pattern("s est rendu", "fr")


def test_dictionary_still_loads_with_its_rules():
    cues = shipped_themes().cues
    assert cues["not_near"].dropna().str.contains("pilgrim").any()

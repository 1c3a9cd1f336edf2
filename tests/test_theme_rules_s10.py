"""Eleventh-round theme rules (issue 16): the misfires of the eighth- and ninth-round readings by class, the names of
advocacy groups and federal agencies, hard-wrapped lines, and a Security Council statement's French "Il".

Each case is a short sentence written for the rule (no corpus text), paired with one the rule must leave alone; the
rule's reason is in themes.yaml or in the module's docstring.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes import tag_themes
from diplolib.themes.names import drop_in_names, in_domestic_name
from diplolib.themes.tagging import _tag_themes_exact

# (theme, language, a sentence the rule drops, a sentence that keeps the theme)
CASES = [
    # names of advocacy groups and federal agencies (diplolib/themes/names.py)
    ("trade", "en", "The Department of Justice and Federal Trade Commission are working on the merger guidelines.",
     "The U.S. International Trade Commission ruled on steel imports."),
    ("trade", "en", "Chair of the Federal Trade Commission Lina Khan convened a session.",
     "Trade between the two countries grew."),
    ("rights_abuses", "en", "Participants included:\n\nAlphonso David, President, Human Rights Campaign\n\nFatima Goss",
     "The UN Human Rights Council condemned the abuses."),
    # relief of a burden; diplomatic efforts coordinated; a pipeline of people; a fight for a cause
    ("aid", "en", "Steps toward elections are met by corresponding sanctions relief by the United States.",
     "Relief convoys reached the besieged town."),
    ("diplomatic_relations", "en", "They reviewed ongoing diplomatic and deterrence efforts in response to the build-up.",
     "The two states restored diplomatic relations."),
    ("diplomatic_relations", "ar", "ينبغي السعي إلى حل للمسألة من خلال الوسائل الدبلوماسية والسلمية",
     "قطع البلدان العلاقات الدبلوماسية"),
    ("energy", "en", "They heard about how the pipeline gets built for the diverse workforce of the Administration.",
     "Work is proceeding on the Turkish Stream gas pipeline."),
    ("clashes", "en", "She encouraged the leaders to always keep fighting for equity and justice.",
     "Heavy fighting broke out near the border town."),
    # a profession in a list; a death in a condolence message; an attempted assassination
    ("diplomatic_relations", "en", "The university has brought up many talented diplomats, scholars and journalists.",
     "Russia expelled two diplomats."),
    ("casualties", "en", "I was grieved to learn about the death of Alexander Prokhorov, a brilliant physicist.",
     "The death toll of the air strike rose to twelve."),
    ("casualties", "fr", "Tentative d'assassinat", "L'assassinat du journaliste a été condamné."),
    ("casualties", "en", "The attempted assassination of the minister failed.", "The assassination of the minister was condemned."),
    ("casualties", "ar", "وأدان محاولة اغتيال الوزير", "وأدان اغتيال الوزير"),
    # the French Médiateur as an ombudsman
    ("mediation", "fr", "Les motifs doivent correspondre aux conclusions du Médiateur sur la demande de radiation de la "
     "liste des sanctions.", "Le médiateur de l'Union africaine a rencontré les belligérants."),
]


@pytest.fixture(scope="module")
def tagged() -> dict[tuple[int, str], set[str]]:
    """The themes of every sentence of CASES, tagged in one call: (case, "dropped" or "kept") -> themes."""
    keys = [(i, which) for i in range(len(CASES)) for which in ("dropped", "kept")]
    texts = [CASES[i][2] if which == "dropped" else CASES[i][3] for i, which in keys]
    arts = pd.DataFrame({"article_id": [f"{i}-{w}" for i, w in keys], "lang": [CASES[i][1] for i, _ in keys],
                         "text": texts})
    hits = tag_themes(arts).dropna(subset=["theme"])
    return {k: set(hits.loc[hits["article_id"] == f"{k[0]}-{k[1]}", "theme"]) for k in keys}


@pytest.mark.parametrize("case", range(len(CASES)), ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_rule_drops_its_class_and_keeps_the_theme(tagged, case):
    theme = CASES[case][0]
    assert theme not in tagged[(case, "dropped")], CASES[case][2]
    assert theme in tagged[(case, "kept")], CASES[case][3]


NAMES = [
    ("the Federal Trade Commission said", "Trade", True),
    ("President, Human Rights Campaign", "Human Rights", True),
    ("the Federal Tariff Service reported", "Tariff", True),
    ("the U.S. International Trade Commission said", "Trade", False),  # an international word in the name
    ("Federal Law On the Ratification of the Agreement between", "Agreement", False),  # a law, not an agency
    ("Rosatom State Nuclear Energy Corporation", "Energy", False),  # a company names its sector
    ("The World Energy Foundation met", "Energy", False),
    ("federal trade commission", "trade", False),  # no capitals: no name
    ("Trade grew between the Federal states", "Trade", False),
]


@pytest.mark.parametrize(("text", "cue", "inside"), NAMES)
def test_in_domestic_name(text, cue, inside):
    start = text.index(cue)
    assert in_domestic_name(text, start, start + len(cue)) is inside


def test_drop_in_names_keeps_other_languages_and_leaves_its_input_alone():
    arts = pd.DataFrame({"article_id": ["en", "fr"], "lang": ["en", "fr"],
                         "text": ["Chair of the Federal Trade Commission Lina Khan spoke.",
                                  "La Federal Trade Commission a parlé du commerce international."]})
    hits = tag_themes(arts)
    assert "trade" not in set(hits.loc[hits["article_id"] == "en", "theme"].dropna())
    assert "trade" in set(hits.loc[hits["article_id"] == "fr", "theme"].dropna())
    before = hits.copy()
    drop_in_names(hits, arts)
    pd.testing.assert_frame_equal(hits, before)


# A hard-wrapped line (UN General Debate) is no clause end; a heading on its own line and a blank line still are.
WRAPS = [
    ("en", "the bodies of the men were\nfound in the river", True),
    ("en", "the bodies of the men.\nFound in the river", False),
    ("en", "the bodies\n\nfound in the river", False),
]


@pytest.mark.parametrize(("lang", "text", "fires"), WRAPS)
@pytest.mark.parametrize("path", [tag_themes, _tag_themes_exact], ids=["batch", "exact"])
def test_a_wrapped_line_is_no_clause_end(path, lang, text, fires):
    """``bodies`` needs a death word near it ("found" among them): across a wrapped line it is found, not across a
    sentence end or a blank line; the batch and the per-article paths agree."""
    arts = pd.DataFrame({"article_id": ["a"], "lang": [lang], "text": [text]})
    hits = path(arts).dropna(subset=["theme"])
    assert ("bodies" in set(hits.loc[hits["theme"] == "casualties", "surface"])) is fires


def _sc(text: str, organ: str) -> set[str]:
    arts = pd.DataFrame({"article_id": ["a"], "lang": ["fr"], "text": [text], "organ": [organ]})
    hits = tag_themes(arts, body="organ").dropna(subset=["theme"])
    return set(hits.loc[hits["theme"] == "security_council", "surface"])


def test_a_council_statements_il_is_the_council_in_its_own_documents_only():
    text = "Il condamne à nouveau dans les termes les plus énergiques toutes les attaques."
    assert _sc(text, "Security Council") == {"Il condamne"}
    assert not _sc(text, "General Assembly")
    assert not _sc("Le Secrétaire général estime qu'il demande trop.", "Security Council")
    arts = pd.DataFrame({"article_id": ["a"], "lang": ["fr"], "text": [text]})
    assert "security_council" not in set(tag_themes(arts)["theme"].dropna())  # news text: no body, no hit

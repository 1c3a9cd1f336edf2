"""Tenth-round theme rules (issue 16): the misfires of the seventh- and eighth-round readings, by class.

Each case is a short sentence written for the rule (no corpus text), paired with one the rule must leave alone; the
rule's reason is in themes.yaml.
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes import tag_themes


# (theme, language, a sentence the rule drops, a sentence that keeps the theme)
CASES = [
    # domestic politics of the White House readouts
    ("clashes", "en", "Advocates who are fighting on the frontlines to protect reproductive rights met her.",
     "Heavy fighting broke out near the border town."),
    ("clashes", "en", "She thanked them for fighting against the extreme proposal from state legislators.",
     "Fighting between the army and the rebels killed ten."),
    ("resolution", "en", "The public is demanding action that the budget resolution will deliver.",
     "The Security Council adopted the resolution on Syria."),
    ("visit", "en", "Americans are encouraged to visit build.gov to find the projects.",
     "The minister's visit to Cairo was postponed."),
    ("un_envoy", "en", "The President's special envoy said the referendum was a key condition.",
     "The Special Envoy of the Secretary-General briefed the Council."),
    ("un_envoy", "en", "China Special Envoy for Climate Change Xie Zhenhua attended.",
     "The UN special envoy for Syria met the delegations."),
    ("agreement", "en", "Which is no big deal, I think.", "The two states signed a deal on gas transit."),
    ("agreement", "en", "They met on the margins of the Service Employees International Union (SEIU) International "
     "Convention.", "The African Union Convention for the Protection of Internally Displaced Persons entered into force."),
    ("agreement", "en", "The law applicable to the enforcement of international commercial settlement agreements.",
     "The agreement between the two governments was signed."),
    ("agreement", "ar", "هل يشمل القانون المنطبق على إنفاذ اتفاقات التسوية التجارية الدولية", "وقع البلدان اتفاقية للتعاون"),
    # the Kremlin's domestic senses
    ("security_council", "en", "Vladimir Putin met with permanent members of the Security Council.",
     "The Secretary-General met with the permanent members of the Security Council."),
    ("diplomatic_relations", "en", "He was sure the leadership would settle its domestic problems by diplomatic "
     "measures alone.", "The two states restored diplomatic relations."),
    ("shelling", "en", "The exposition includes models of aircraft, tanks and artillery weapons.",
     "Artillery pounded the outskirts of the city."),
    ("reconstruction", "en", "We opened the first centre for rehabilitation of infants who survived cancer.",
     "The rehabilitation of roads and bridges destroyed in the war."),
    ("reconstruction", "ar", "وتيسير إعادة الإدماج والتأهيل", "إعادة تأهيل المدارس والطرق التي دمرتها الحرب"),
    ("trade", "en", "Housing and utilities sector tariffs should be economically justified.",
     "The United States raised tariffs on Chinese steel."),
    ("trade", "en", "A decree within the jurisdiction of the Economic Development and Trade Ministry.",
     "Trade between the two countries grew by ten percent."),
    # UN text: a session's interactive dialogue, a decision taken
    ("talks", "en", "The Commission held an interactive dialogue on the priority theme.",
     "The parties resumed the dialogue in Geneva."),
    ("talks", "fr", "Dans le cadre d'un dialogue interactif au cours duquel les délégations ont parlé.",
     "Le dialogue entre les parties a repris à Genève."),
    ("talks", "ar", "وعقدت اللجنة حوارا تفاعليا بشأن الموضوع", "استؤنف الحوار بين الطرفين في جنيف"),
    ("resolution", "ar", "وفيما يتعلق بعملية اتخاذ القرار، يوجه انتباه اللجنة إلى المادة 58",
     "اعتمد مجلس الأمن القرار 2254 بالإجماع"),
    ("resolution", "ar", "وتشدد على أن القرارات التي يتخذها المسؤولون بشأن هذه الجزر", "تنفيذ هذا القرار"),
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

"""Theme rules of issue 16's eighth round, one class each: the misfire is gone and the theme's sense still fires.

The classes came from a kremlin-en tune draw (seed 7001, 80 hits of articles no reading had drawn; /work/eval, not
committed) and from the disagreements of the UNPC tune half; the sentences are written for the test in the pattern
of what was read, not copied from a corpus. All are tagged in one call (module fixture).
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from diplolib.normalize.matching import matching_form
from diplolib.themes import load_themes, tag_themes
from diplolib.themes.state_names import state_lists

# (lang, text, theme, fires): whether the theme must fire in that text
CASES = [
    # a president who visited a school, a most visited website, visiting the bank, a working trip to a region: domestic
    ("en", "Later the President visited the Children's Art School, which was renovated last year.", "visit", False),
    ("en", "Our public services website is one of the most frequently visited resources.", "visit", False),
    ("en", "You can now open an account online without visiting the bank.", "visit", False),
    ("en", "During his working trip to the Federal District, the President held a meeting.", "visit", False),
    # ... a state, a capital or a demonym near the verb, or a UN body, make it a visit between states
    ("en", "The Prime Minister visited Mali and Niger last week.", "visit", True),
    ("en", "The Spanish King, who was visiting Moscow, met the President.", "visit", True),
    ("en", "The Special Rapporteur visited detention centres in the north.", "visit", True),
    ("en", "He made a trip to Côte d'Ivoire in March.", "visit", True),
    # the noun keeps its sense without a state near ("during my visit")
    ("en", "The report summarizes the meetings I held during my visit.", "visit", True),
    # a head of state's veto of a law passed by parliament is domestic
    ("en", "The President vetoed the amendments to the media law adopted by the parliament.", "security_council", False),
    ("fr", "Le président a opposé son veto à la loi sur les médias.", "security_council", False),
    ("en", "Russia vetoed the draft resolution in the Security Council.", "security_council", True),
    # a ministry of industry and trade is a state's own office
    ("en", "The Minister of Industry and Trade reported on the food market.", "trade", False),
    ("en", "Bilateral trade grew by a third last year.", "trade", True),
    # fighting an epidemic, combating doping: no clash
    ("en", "The funds spent fighting the epidemic have improved the hospitals.", "clashes", False),
    ("en", "Russia will only ever combat doping in sport.", "clashes", False),
    # nodding in agreement is no agreement
    ("en", "They would all nod in agreement and keep quiet.", "agreement", False),
    # murder and assassination: casualties in English as meurtre, assassinat and قتل, اغتيال are in French and Arabic
    ("en", "The ministry deplored the murder of a national by the demonstrators.", "casualties", True),
    ("en", "He urged an inquiry into the assassination of the paramount chief.", "casualties", True),
    # Arabic قرار next to "this", its implementation or adoption: the resolution being implemented (UN text)
    ("ar", "يطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار", "resolution", True),
    ("ar", "لم تتلق أي موارد إضافية لتنفيذ هذا القرار", "resolution", True),
]


@pytest.fixture(scope="module")
def tagged():
    arts = pd.DataFrame({"article_id": [f"c{i}" for i in range(len(CASES))], "lang": [c[0] for c in CASES],
                         "text": [c[1] for c in CASES]})
    hits = tag_themes(arts).dropna(subset=["theme"])
    return hits.groupby("article_id")["theme"].agg(set).to_dict()


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{c[2]}-{c[3]}-{c[1][:30]}" for c in CASES])
def test_rule_by_class(tagged, i):
    lang, text, theme, fires = CASES[i]
    assert (theme in tagged.get(f"c{i}", set())) is fires, f"{theme} should{'' if fires else ' not'} fire: {text}"


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_state_list_is_generated_from_the_registry(lang):
    """Every state of the registry is named in each language (its name at least); capitals and demonyms are in."""
    import csv
    from importlib import resources

    data = resources.files("diplolib").joinpath("actors", "data")
    with data.joinpath("actors.csv").open(encoding="utf-8") as f:
        states = {r["actor_id"] for r in csv.DictReader(f) if r["kind"] == "state"}
    with data.joinpath("aliases.csv").open(encoding="utf-8") as f:
        names = {r["actor_id"]: r["alias"] for r in csv.DictReader(f)
                 if r["actor_id"] in states and r["lang"] == lang and r["kind"] == "name" and len(r["alias"]) >= 3}
    rx = re.compile("|".join(state_lists()["states"][lang]))
    missed = [n for n in names.values() if not rx.fullmatch(matching_form(n).replace("-", " "))]
    assert len(names) >= 150 and not missed, missed[:10]
    probe = {"en": "moscow spanish", "fr": "moscou espagnol", "ar": "موسكو الاسبانية"}[lang]
    assert len(rx.findall(matching_form(probe))) == 2
    assert not rx.search(matching_form({"en": "the school", "fr": "l'école", "ar": "المدرسة"}[lang]))


def test_states_list_is_reserved():
    """A user's theme file may use $states but not redefine it (the same error as any list defined twice)."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
        f.write("version: 1\nlists:\n  states:\n    en: [mars]\nthemes: []\n")
    with pytest.raises(Exception, match="already defined"):
        load_themes(f.name)

"""Round-8 rule (events/locations.py): a place fronted with its preposition and set off by a comma is where, never
who -- Arabic "وفي X،" (the conjunction glued to في) and French "Au X," / "Aux X," -- while French "au" elsewhere
stays the dative of a party ("a demandé au Soudan de …"). Shaped on the hand reading of seeds 2031 and 2032 (UN
documents: "وفي سيراليون، قام الصندوق، بالتعاون مع الحكومة …" read Sierra Leone as the cooperator, "Au Libéria, …
pour la Commission de soutenir …" Liberia as the supporter)."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

#: (lang, text, cue, source, target) expected
CASES = [
    ("ar", "وفي النيجر، قام الصندوق، بالتعاون مع الحكومة والبنك الدولي، بتصميم مشروع.", "التعاون مع", "",
     "org:world_bank"),
    ("ar", "وفي سوريا، أدانت فرنسا روسيا.", "أدانت", "FRA", "RUS"),
    ("fr", "Au Tchad, les entretiens ont porté sur les moyens pour la Commission de soutenir la MINUSMA.", "soutenir",
     "", "org:minusma"),
    ("fr", "Au Mali, la France a soutenu la MINUSMA.", "a soutenu", "FRA", "org:minusma"),
    ("fr", "La France a demandé au Soudan de libérer les détenus.", "a demandé au", "FRA", "SDN"),
]


@pytest.fixture(scope="module")
def events():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(CASES))], "lang": [c[0] for c in CASES],
                         "text": [c[1] for c in CASES]})
    return extract_events(arts, registry=default_matcher())


@pytest.mark.parametrize("k", range(len(CASES)), ids=[c[2] + str(i) for i, c in enumerate(CASES)])
def test_fronted_place_is_no_party(events, k):
    _, _, cue, source, target = CASES[k]
    rows = events[(events["article_id"] == str(k)) & (events["cue"] == cue)]
    assert len(rows), f"no event for {cue!r}"
    assert (rows.iloc[0]["source"], rows.iloc[0]["target"]) == (source, target)

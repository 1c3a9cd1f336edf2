"""Round-8 French false friends (events/data/cues_fr.csv), from the hand reading of seed 2032 (UN French
documents): a letter's courtesy formula is no demand, the name of a UN day or year of solidarity is no support;
"appeler l'attention sur" is no demand (seed 2033); the same cues in their event sense still fire."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors.matcher_cache import default_matcher
from diplolib.events import extract_events

TEXTS = ["La Belgique vous prie de bien vouloir trouver ci-dessous le rapport sur les actions de l'Allemagne.",
         "Je vous prie de bien vouloir faire distribuer la présente lettre, a écrit le Maroc à l'ONU.",
         "Pour célébrer la Journée internationale de la solidarité avec le peuple palestinien, l'Égypte a organisé "
         "une réunion.",
         "Le Conseil de sécurité prie l'Iraq de coopérer.",
         "La Tunisie a exprimé sa solidarité avec le Liban.",
         "Au nom de l'Arménie, j'appelle votre attention sur les attaques de l'Azerbaïdjan.",
         "Le Maroc appelle l'Algérie à cesser ces provocations."]


@pytest.fixture(scope="module")
def events():
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(TEXTS))], "lang": "fr", "text": TEXTS})
    return extract_events(arts, registry=default_matcher())


def test_courtesy_formula_is_no_demand(events):
    assert not (events["article_id"].isin(["0", "1"]) & (events["event"] == "DEMAND")).any()
    asked = events[(events["article_id"] == "3") & (events["event"] == "DEMAND")]
    assert asked[["source", "target"]].values.tolist() == [["org:unsc", "IRQ"]]


def test_calling_attention_is_no_demand(events):
    """Seed 2033's reading (after it, not in its figure): "j'appelle votre attention sur …" twice read as a demand."""
    assert not ((events["article_id"] == "5") & (events["event"] == "DEMAND")).any()
    called = events[(events["article_id"] == "6") & (events["event"] == "DEMAND")]
    assert called[["source", "target"]].values.tolist() == [["MAR", "DZA"]]


def test_day_of_solidarity_is_a_name(events):
    assert not ((events["article_id"] == "2") & (events["event"] == "SUPPORT")).any()
    support = events[(events["article_id"] == "4") & (events["event"] == "SUPPORT")]
    assert support[["source", "target"]].values.tolist() == [["TUN", "LBN"]]

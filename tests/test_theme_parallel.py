"""Theme agreement across the language versions of a parallel corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes.parallel import parallel_themes, theme_agreement, theme_disagreements

ROWS = pd.DataFrame(
    {
        "id": ["s1", "s2", "s3"],
        "en": ["The ceasefire holds.", "The Security Council met.", "Refugees fled the war."],
        "fr": ["Le cessez-le-feu tient.", "Le Conseil de sécurité s'est réuni.", "La situation est calme."],
        "ar": ["صمدت الهدنة.", "اجتمع مجلس الأمن.", "فر اللاجئون من الحرب."],
    }
)


def test_parallel_themes_per_version():
    found = parallel_themes(ROWS)
    assert set(found.columns) == {"id", "lang", "theme", "n"}
    got = set(zip(found["id"], found["lang"], found["theme"], strict=True))
    assert {("s1", "en", "ceasefire"), ("s1", "fr", "ceasefire"), ("s1", "ar", "ceasefire")} <= got
    assert ("s3", "fr", "refugees") not in got and ("s3", "ar", "refugees") in got


def test_agreement_counts_and_pooled_row():
    ag = theme_agreement(ROWS).set_index(["source", "target", "theme"])
    row = ag.loc[("en", "fr", "refugees")]
    assert (row["n_source"], row["n_both"], row["agreement"]) == (1, 0, 0.0)
    assert ag.loc[("en", "ar", "refugees"), "agreement"] == 1.0
    pooled = ag.loc[("en", "fr", "(all)")]
    per = ag.xs(("en", "fr"), level=["source", "target"]).drop(index="(all)")
    assert pooled["n_source"] == per["n_source"].sum() and pooled["n_both"] == per["n_both"].sum()
    assert len(ag.reset_index()[["source", "target"]].drop_duplicates()) == 6


def test_disagreements_show_both_sentences():
    dis = theme_disagreements(ROWS, source="en", target="fr")
    assert set(dis["theme"]) == {"refugees", "conflict"}
    assert (dis["id"] == "s3").all()
    assert dis["target_text"].iloc[0] == "La situation est calme."
    assert theme_disagreements(ROWS, source="en", target="fr", theme="ceasefire").empty


def test_bad_input():
    with pytest.raises(ValueError, match="duplicate"):
        theme_agreement(pd.concat([ROWS, ROWS]))
    with pytest.raises(ValueError, match="de"):
        theme_agreement(ROWS, langs=("en", "de"))
    with pytest.raises(ValueError, match="two different"):
        theme_agreement(ROWS, langs=("en", "en"))
    assert ROWS.columns.tolist() == ["id", "en", "fr", "ar"]

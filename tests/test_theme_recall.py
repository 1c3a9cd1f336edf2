"""``themes.recall``: passages judged on-theme by a reader, and whether the tagger finds the theme inside them."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.themes import recall, tag_themes

TEXT = "The two sides agreed a ceasefire in Idlib. Trade between them grew."  # ceasefire 23-32, trade 43-48


def _judged(rows):
    return pd.DataFrame(rows, columns=["corpus", "article_id", "start", "end", "theme"])


@pytest.fixture(scope="module")
def hits():
    return tag_themes(pd.DataFrame({"article_id": ["a"], "lang": ["en"], "text": [TEXT]}))


def test_a_theme_hit_inside_the_passage_is_found(hits):
    assert {"ceasefire", "trade"} <= set(hits["theme"])
    table = recall(_judged([("x", "a", 0, 42, "ceasefire")]), theme_hits=hits).set_index("corpus")
    assert table.loc["x", "n_found"] == 1 and table.loc["x", "recall"] == 1.0


def test_a_hit_outside_the_passage_or_of_another_theme_is_not_found(hits):
    # twin of the test above: the same theme judged in the second sentence, and a theme the first sentence lacks
    table = recall(_judged([("x", "a", 43, len(TEXT), "ceasefire"), ("x", "a", 0, 42, "trade")]), theme_hits=hits)
    assert table.set_index("corpus").loc["x", "n_found"] == 0


def test_strata_and_the_pooled_row_with_wilson_bounds(hits):
    judged = _judged([("x", "a", 0, 42, "ceasefire"), ("x", "a", 0, 42, "trade"), ("y", "a", 43, len(TEXT), "trade"),
                      ("y", "b", 0, 10, "trade")])  # article b was not tagged: not found
    table = recall(judged, theme_hits=hits).set_index("corpus")
    assert list(table.index) == ["x", "y", "(all)"]
    assert table["n_judged"].tolist() == [2, 2, 4] and table["n_found"].tolist() == [1, 1, 2]
    assert table.loc["(all)", "recall"] == 0.5
    assert (table["ci_low"] < table["recall"]).all() and (table["recall"] < table["ci_high"]).all()


def test_a_judged_passage_with_two_hits_counts_once(hits):
    doubled = pd.concat([hits, hits], ignore_index=True)
    table = recall(_judged([("x", "a", 0, 42, "ceasefire")]), theme_hits=doubled).set_index("corpus")
    assert table.loc["(all)", "n_judged"] == 1 and table.loc["(all)", "n_found"] == 1


def test_missing_columns_say_what_is_needed(hits):
    with pytest.raises(ValueError, match="start"):
        recall(pd.DataFrame({"corpus": ["x"], "article_id": ["a"], "theme": ["trade"]}), theme_hits=hits)

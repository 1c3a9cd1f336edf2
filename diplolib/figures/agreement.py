"""Figures of agreement across languages: the UN parallel sentences, actors and themes, six directions."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import datasets, plots
from ..actors.agreement import crosslingual_agreement, parallel_mentions
from ..actors.matcher_cache import default_matcher
from ..actors.parallel_aliases import split_half
from ..themes.parallel import theme_agreement
from . import figure

__all__ = ["unpc_agreement"]

_COLUMNS = ["measure", "source", "target", "n_source", "n_both", "agreement", "goal"]


@figure("unpc_agreement", inputs=["unpc-ar-fr-en"],
        params={"half": "check", "goals": {"actors": 0.95, "themes": 0.90, "themes + UN bodies": 0.90}})
def unpc_agreement(*, half: str, goals: dict[str, float]):
    """UNPC sentence triples, one half: share of one language's actors and themes also found in the translation.

    Every triple is tagged (a document's other sentences are the context its short forms are resolved from) and
    the rows of ``half`` (``split_half`` of the ids: the tune half was read to write rules, the check half was
    not) are scored. Themes twice: the dictionary alone (the default of ``tag_themes``) and with the UN bodies the
    actor tagger resolves (``un_bodies=True``). The numbers of the README's top table for issues 12 and 16.
    """
    triples = datasets.parallel_sentences("unpc-ar-fr-en")
    scored = split_half(triples["id"]) == half
    mentions = parallel_mentions(triples, registry=default_matcher())
    actors = crosslingual_agreement(mentions[mentions["article_id"].isin(set(triples.loc[scored, "id"]))])
    parts = [actors.assign(measure="actors")]
    for name, un_bodies in (("themes", False), ("themes + UN bodies", True)):
        themes = theme_agreement(triples, body="organ", un_bodies=un_bodies, mentions=mentions, scored=scored)
        parts.append(themes[themes["theme"] == "(all)"].drop(columns="theme").assign(measure=name))
    table = pd.concat(parts, ignore_index=True)
    table["goal"] = table["measure"].map(goals)
    table = table.sort_values(["measure", "source", "target"], kind="stable").reset_index(drop=True)[_COLUMNS]
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    plots.plot_agreement(table, goals=goals, ax=ax)
    ax.legend(title=f"{half} half", loc="lower left", fontsize=8, title_fontsize=8)
    low = min(table["agreement"].min(), min(goals.values()))
    ax.set_xlim(max(0.0, low - 0.03), 1.0)
    ax.set_title(f"UNPC sentence triples ({scored.sum():,} of {len(triples):,}, {half} half): "
                 "actors and themes found in both versions")
    return fig, table

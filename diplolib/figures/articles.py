"""Figures of the articles table: what was loaded, by outlet, month and language, and the duplicates."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import datasets, plots
from .._tables import period_of
from ..normalize.duplicates import duplicate_key
from . import figure

__all__ = ["fakes_sources_by_month", "corpus_languages", "fakes_duplicates", "LANGUAGE_CORPORA"]

#: Corpora in the languages figure. ungdc (English only, 214 MB) is left out to keep the figure command fast.
LANGUAGE_CORPORA = ("sana-fr", "fa-kes", "wikinews-fr", "kremlin-en", "wh-readouts", "re3d", "sib200")


@figure("fakes_sources_by_month", inputs=["fa-kes"], params={"period": "M"})
def fakes_sources_by_month(*, period: str):
    """FA-KES articles by outlet and month (publication dates from the CSV's date column)."""
    articles, _ = datasets.load("fa-kes")
    counts = (articles.assign(period=period_of(articles["published"], period))
              .groupby(["source", "period"], dropna=False).size().rename("documents").reset_index())
    fig, ax = plt.subplots(figsize=(11, 4.2), layout="constrained")
    plots.plot_period_heatmap(counts, group="source", period="period", count="documents", ax=ax)
    ax.set_title(f"FA-KES: {len(articles):,} articles by outlet and month")
    return fig, counts.sort_values(["source", "period"], kind="stable").reset_index(drop=True)


@figure("corpus_languages", inputs=LANGUAGE_CORPORA, params={"corpora": list(LANGUAGE_CORPORA)})
def corpus_languages(*, corpora: list[str]):
    """Detected language of every article, per corpus (ungdc left out: English only, and slow to load)."""
    counts = pd.concat(
        [datasets.load(name).articles["lang"].value_counts(dropna=False).rename("documents").rename_axis("lang")
         .reset_index().assign(corpus=name) for name in corpora], ignore_index=True)
    counts["lang"] = counts["lang"].fillna("und")
    counts = counts[["corpus", "lang", "documents"]].sort_values(["corpus", "lang"], kind="stable")
    fig, ax = plt.subplots(figsize=(8, 3.6), layout="constrained")
    plots.plot_stacked_counts(counts.assign(corpus=pd.Categorical(counts["corpus"], categories=corpora)),
                        group="corpus", stack="lang", count="documents", ax=ax)
    ax.set_title("Detected language of each article (share; total articles at the bar end)")
    return fig, counts.reset_index(drop=True)


def duplicate_kinds(articles: pd.DataFrame) -> pd.Series:
    """``original``, ``exact copy`` (same normalised body as its original) or ``near copy``, per article."""
    keys = articles["text"].map(duplicate_key)
    key_of = dict(zip(articles["article_id"], keys, strict=True))
    kinds = []
    for dup, key in zip(articles["duplicate_of"], keys, strict=True):
        if pd.isna(dup):
            kinds.append("original")
        else:
            kinds.append("exact copy" if key_of.get(dup) == key else "near copy")
    return pd.Series(kinds, index=articles.index, name="kind")


@figure("fakes_duplicates", inputs=["fa-kes"], params={})
def fakes_duplicates():
    """FA-KES articles flagged as copies of an earlier article (exact or near), by outlet."""
    articles, _ = datasets.load("fa-kes")
    kinds = duplicate_kinds(articles)
    counts = (articles.assign(kind=kinds).groupby(["source", "kind"]).size().rename("articles").reset_index())
    copies = counts[counts["kind"] != "original"]
    fig, ax = plt.subplots(figsize=(7, 3.6), layout="constrained")
    plots.plot_stacked_counts(copies, group="source", stack="kind", count="articles", normalize=False, ax=ax)
    ax.set_title(f"FA-KES: {int(copies['articles'].sum())} of {len(articles)} articles are copies (flagged, "
                 "kept)")
    return fig, counts.sort_values(["source", "kind"], kind="stable").reset_index(drop=True)

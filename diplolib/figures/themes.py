"""Figures of themes: prevalence by outlet and over time, keyness between groups, themes around actors."""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd

from .. import actors, datasets, plots, themes
from ..actors.matcher_cache import default_matcher
from . import figure

__all__ = [
    "fakes_themes_by_outlet",
    "fakes_theme_timeline",
    "fakes_keyness_sana",
    "fakes_keyness_around_aleppo",
    "fakes_themes_around_actors",
    "wh_readouts_theme_timeline",
    "readouts_keyness",
    "wikinews_fr_themes",
]


@lru_cache(maxsize=4)
def _tagged(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A corpus's articles and theme hits (tagged once per figure build)."""
    articles, _ = datasets.load(name)
    return articles, themes.tag_themes(articles)


@lru_cache(maxsize=1)
def _fakes_mentions() -> pd.DataFrame:
    articles, _ = _tagged("fa-kes")
    return actors.without_kinds(actors.tag_actors(articles), "media")


def _sana_vs_others(articles: pd.DataFrame) -> pd.DataFrame:
    return articles.assign(outlet=articles["source"].where(articles["source"] == "sana", "other outlets"))


def _with_volume(prevalence: pd.DataFrame, min_units: int) -> pd.DataFrame:
    """Keep the periods with at least ``min_units`` tagged articles (tiny periods make shares jump)."""
    return prevalence[prevalence["n_units"] >= min_units].reset_index(drop=True)


def _timeline(name: str, *, period: str, top: int, min_units: int, title: str):
    """A corpus's most frequent themes per period (periods with at least ``min_units`` tagged articles)."""
    articles, hits = _tagged(name)
    prevalence = _with_volume(themes.theme_prevalence(hits, articles=articles, by=None, period=period), min_units)
    fig, ax = plt.subplots(figsize=(10, 4), layout="constrained")
    plots.plot_theme_timeline(prevalence, top=top, ax=ax)
    ax.set_title(title)
    return fig, prevalence


@figure("fakes_themes_by_outlet", inputs=["fa-kes"], params={"top": 14})
def fakes_themes_by_outlet(*, top: int):
    """Share of each FA-KES outlet's articles that carry each theme (outlets by volume, themes by share)."""
    articles, hits = _tagged("fa-kes")
    prevalence = themes.theme_prevalence(hits, articles=articles, by="source")
    fig, ax = plt.subplots(figsize=(11, 6.5), layout="constrained")
    plots.plot_theme_heatmap(prevalence, x="theme", y="source", top=top, ax=ax)
    ax.set_title(f"FA-KES: share of each outlet's articles with the theme (top {top} themes)")
    return fig, prevalence


@figure("fakes_theme_timeline", inputs=["fa-kes"], params={"period": "Q", "top": 6, "min_units": 20})
def fakes_theme_timeline(*, period: str, top: int, min_units: int):
    """Share of FA-KES articles per quarter carrying the most frequent themes (quarters with ≥ 20 articles)."""
    return _timeline("fa-kes", period=period, top=top, min_units=min_units,
                     title=f"FA-KES: share of each quarter's articles with the theme (quarters with ≥ {min_units} "
                           "articles)")


@figure("fakes_keyness_sana", inputs=["fa-kes"], params={"n": 15, "min_count": 5})
def fakes_keyness_sana(*, n: int, min_count: int):
    """Words and themes key for SANA against the 14 other FA-KES outlets (Fightin' Words z-scores)."""
    articles, hits = _tagged("fa-kes")
    articles = _sana_vs_others(articles)
    groups = {"by": "outlet", "a": "sana", "b": "other outlets", "min_count": min_count}
    words = themes.keyness(themes.word_counts(articles, by="outlet"), **groups)
    key_themes = themes.keyness(themes.theme_counts(hits, articles=articles, by="outlet"), **groups,
                                feature="theme")
    fig, axes = plt.subplots(1, 2, figsize=(12, 7.5), layout="constrained")
    plots.plot_keyness(words, n=n, ax=axes[0])
    axes[0].set_title(f"Words key for SANA (right) and for the other outlets (left), top {n} each")
    plots.plot_keyness(key_themes, n=min(n, 10), ax=axes[1])
    axes[1].set_title("Themes (hits) key for SANA and for the other outlets")
    return fig, pd.concat([words, key_themes], ignore_index=True)


@figure("fakes_keyness_around_aleppo", inputs=["fa-kes"], params={"actor": "place:aleppo", "n": 12,
                                                                  "min_count": 3})
def fakes_keyness_around_aleppo(*, actor: str, n: int, min_count: int):
    """What SANA says in the sentences naming Aleppo, against what the other FA-KES outlets say there."""
    articles, _ = _tagged("fa-kes")
    around = themes.actor_sentences(_sana_vs_others(articles), mentions=_fakes_mentions(), actor=actor)
    table = themes.keyness(themes.word_counts(around, by="outlet"), by="outlet", a="sana", b="other outlets",
                           min_count=min_count)
    fig, ax = plt.subplots(figsize=(7, 6.5), layout="constrained")
    plots.plot_keyness(table, n=n, ax=ax)
    counts = around.groupby("outlet").size()
    ax.set_title(f"Sentences naming {actors.load_registry().label(actor)}: SANA ({counts.get('sana', 0)}) "
                 f"vs other outlets ({counts.get('other outlets', 0)})")
    return fig, table


@figure("fakes_themes_around_actors", inputs=["fa-kes"], params={"window": "sentence", "top_actors": 12,
                                                                 "top_themes": 12})
def fakes_themes_around_actors(*, window: str, top_actors: int, top_themes: int):
    """Share of the sentences naming an FA-KES actor that also carry a theme (actor names as cues not counted)."""
    articles, hits = _tagged("fa-kes")
    registry = default_matcher().registry  # the built-in registry, read once per process
    cross = themes.theme_actor_crosstab(hits, mentions=_fakes_mentions(), window=window, articles=articles)
    fig, ax = plt.subplots(figsize=(10, 6.5), layout="constrained")
    plots.plot_theme_actor_heatmap(cross, top_actors=top_actors, top_themes=top_themes, labels=registry.actors, ax=ax)
    ax.set_title(f"FA-KES: themes in the {window}s that name each actor (share of the actor's {window}s)")
    return fig, cross


@figure("wh_readouts_theme_timeline", inputs=["wh-readouts"], params={"period": "Q", "top": 6, "min_units": 20})
def wh_readouts_theme_timeline(*, period: str, top: int, min_units: int):
    """Share of White House call and meeting readouts per quarter carrying the most frequent themes."""
    return _timeline("wh-readouts", period=period, top=top, min_units=min_units,
                     title=f"White House readouts: share of each quarter's readouts with the theme (≥ {min_units} "
                           "readouts)")


@figure("readouts_keyness", inputs=["kremlin-en", "wh-readouts"], params={"n": 15, "min_count": 5})
def readouts_keyness(*, n: int, min_count: int):
    """Themes and words key for the Kremlin's telephone readouts against the White House's readouts."""
    kremlin, _ = datasets.load("kremlin-en")
    kremlin = kremlin[kremlin["telephone"].astype("boolean").fillna(False)]
    k_hits = themes.tag_themes(kremlin)
    white_house, w_hits = _tagged("wh-readouts")
    columns = ["article_id", "lang", "text", "published"]
    articles = pd.concat([kremlin[columns].assign(outlet="Kremlin calls"),
                          white_house[columns].assign(outlet="White House")], ignore_index=True)
    hits = pd.concat([k_hits, w_hits], ignore_index=True)
    groups = {"by": "outlet", "a": "Kremlin calls", "b": "White House", "min_count": min_count}
    words = themes.keyness(themes.word_counts(articles, by="outlet"), **groups)
    key_themes = themes.keyness(themes.theme_counts(hits, articles=articles, by="outlet", unit="article"),
                                **groups, feature="theme")
    fig, axes = plt.subplots(1, 2, figsize=(12, 7.5), layout="constrained")
    plots.plot_keyness(words, n=n, ax=axes[0])
    axes[0].set_title(f"Words: Kremlin telephone readouts ({len(kremlin)}) vs White House ({len(white_house)})")
    plots.plot_keyness(key_themes, n=min(n, 10), ax=axes[1])
    axes[1].set_title("Themes (articles carrying them)")
    return fig, pd.concat([words, key_themes], ignore_index=True)


@figure("wikinews_fr_themes", inputs=["wikinews-fr"], params={"top": 12, "n": 12, "min_count": 3})
def wikinews_fr_themes(*, top: int, n: int, min_count: int):
    """French Wikinews 2012: themes by month, and the words key for May–August against September–November."""
    articles, hits = _tagged("wikinews-fr")
    dated = articles.dropna(subset=["published"])
    dated = dated.assign(month=dated["published"].dt.strftime("%Y-%m"),
                         season=dated["published"].dt.month.map(lambda m: "May-Aug" if m <= 8 else "Sep-Nov"))
    prevalence = themes.theme_prevalence(hits, articles=dated, by="month")
    words = themes.keyness(themes.word_counts(dated, by="season"), by="season", a="May-Aug", b="Sep-Nov",
                           min_count=min_count)
    fig, axes = plt.subplots(1, 2, figsize=(13, 5.5), layout="constrained", width_ratios=[3, 2])
    plots.plot_theme_heatmap(prevalence, x="theme", y="month", top=top, groups=sorted(dated["month"].unique()),
                       ax=axes[0])
    axes[0].set_title(f"Wikinews (fr): share of each month's articles with the theme (top {top})")
    plots.plot_keyness(words, n=n, ax=axes[1])
    axes[1].set_title("Words key for May–Aug vs Sep–Nov 2012")
    return fig, prevalence

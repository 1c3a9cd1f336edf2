"""Figures of co-mentions: networks, SANA against the other outlets, an ego network, Kremlin calls."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import actors, comention, datasets, plots
from ..actors.matcher_cache import default_matcher
from . import figure

__all__ = ["fakes_network", "fakes_sana_vs_others", "fakes_ego_russia", "kremlin_calls_by_year"]


def _fakes():
    """FA-KES articles (with ``outlet``: SANA or the other outlets), their mentions and the registry."""
    articles, _ = datasets.load("fa-kes")
    articles = articles.assign(outlet=articles["source"].where(articles["source"] == "sana", "other outlets"))
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    mentions = actors.without_kinds(actors.tag_actors(articles, registry=matcher), "media", actors=registry.actors)
    return articles, mentions, registry


def _labelled(edges: pd.DataFrame, actor_table: pd.DataFrame) -> pd.DataFrame:
    label = actor_table.set_index("actor_id")["label"]
    return edges.assign(label_a=edges["actor_a"].map(label), label_b=edges["actor_b"].map(label))


@figure("fakes_network", inputs=["fa-kes"], params={"window": "sentence", "min_count": 5, "alpha": 0.01,
                                                    "max_nodes": 30})
def fakes_network(*, window: str, min_count: int, alpha: float, max_nodes: int):
    """FA-KES actors named in the same sentence: significant pairs (G², Holm), width = NPMI, colour = community."""
    articles, mentions, registry = _fakes()
    edges = comention.significant(comention.co_mentions(mentions, articles=articles, window=window,
                                                        min_count=min_count), alpha=alpha, method="holm")
    fig, ax = plt.subplots(figsize=(10, 8), layout="constrained")
    plots.plot_network(edges, nodes=comention.actor_nodes(mentions, actors=registry.actors, window=window),
                       weight="npmi", color="community", max_nodes=max_nodes, ax=ax)
    ax.set_title(f"FA-KES: actors named in the same {window} ({len(edges):,} significant pairs, Holm α={alpha})")
    return fig, _labelled(edges, registry.actors)


@figure("fakes_sana_vs_others", inputs=["fa-kes"], params={"window": "sentence", "min_count": 3, "max_nodes": 20})
def fakes_sana_vs_others(*, window: str, min_count: int, max_nodes: int):
    """Co-mention networks of SANA's articles and of the 14 other FA-KES outlets, side by side (NPMI within each)."""
    articles, mentions, registry = _fakes()
    edges = comention.co_mentions(mentions, articles=articles, window=window, by="outlet", min_count=min_count)
    fig, axes = plt.subplots(1, 2, figsize=(14, 6.5), layout="constrained")
    for ax, outlet in zip(axes, ["sana", "other outlets"], strict=True):
        part = edges[edges["outlet"] == outlet].drop(columns="outlet")
        own = mentions[mentions["article_id"].isin(articles.loc[articles["outlet"] == outlet, "article_id"])]
        plots.plot_network(part, nodes=comention.actor_nodes(own, actors=registry.actors, window=window),
                           weight="npmi", color="kind", max_nodes=max_nodes, ax=ax)
        n_articles = own["article_id"].nunique()
        ax.set_title(f"{outlet} ({n_articles} articles with actors, {len(part)} pairs with n ≥ {min_count})")
    return fig, _labelled(edges, registry.actors)


@figure("fakes_ego_russia", inputs=["fa-kes"], params={"actor": "RUS", "window": "sentence", "min_count": 3,
                                                       "max_nodes": 15})
def fakes_ego_russia(*, actor: str, window: str, min_count: int, max_nodes: int):
    """Russia's ego network in FA-KES: the actors most associated (NPMI) with it in the same sentence."""
    articles, mentions, registry = _fakes()
    edges = comention.co_mentions(mentions, articles=articles, window=window, min_count=min_count)
    ego = edges[(edges["actor_a"] == actor) | (edges["actor_b"] == actor)]
    fig, ax = plt.subplots(figsize=(8, 7), layout="constrained")
    plots.plot_ego_network(edges, actor, nodes=comention.actor_nodes(mentions, actors=registry.actors, window=window),
                           weight="npmi", max_nodes=max_nodes, ax=ax)
    ax.set_title(f"FA-KES: {registry.label(actor)}'s partners in the same {window} (n ≥ {min_count})")
    return fig, _labelled(ego, registry.actors)


@figure("kremlin_calls_by_year", inputs=["kremlin-en"], params={"n": 25})
def kremlin_calls_by_year(*, n: int):
    """Kremlin telephone readouts by counterpart country (the state named in the title, or the country of the
    person named) and year."""
    articles, _ = datasets.load("kremlin-en")
    calls = articles[articles["telephone"].astype("boolean").fillna(False)]
    titles = calls[["article_id", "title", "published"]].rename(columns={"title": "text"})
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    mentions = actors.tag_actors(titles, registry=matcher)
    # the counterpart's country: a state named in the title, or the country of the person named ("President of
    # China Xi Jinping" is one person mention, the role phrase included)
    info = registry.actors.set_index("actor_id")
    kind = mentions["actor_id"].map(info["kind"])
    country = mentions["actor_id"].where(kind == "state", mentions["actor_id"].map(info["country"]).where(
        kind == "person"))
    states = (mentions.assign(actor_id=country)[country.notna() & (country != "") & (country != "RUS")]
              .drop_duplicates(["article_id", "actor_id"]))
    year = calls.set_index("article_id")["published"].dt.year.astype("Int64").astype("string")
    counts = (states.assign(year=states["article_id"].map(year), label=states["actor_id"].map(registry.label))
              .groupby(["label", "year"]).size().rename("calls").reset_index())
    top = counts.groupby("label")["calls"].sum().sort_values(ascending=False, kind="stable").index[:n].tolist()
    fig, ax = plt.subplots(figsize=(10, 7), layout="constrained")
    plots.plot_period_heatmap(counts, group="label", period="year", count="calls", order=top, ax=ax)
    ax.set_title(f"Kremlin telephone readouts ({len(calls)}) by the counterpart's country and year (top {n})")
    return fig, counts.sort_values(["label", "year"], kind="stable").reset_index(drop=True)

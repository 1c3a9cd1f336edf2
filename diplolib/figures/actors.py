"""Figures of actor mentions: who is mentioned, by outlet and over time."""

from __future__ import annotations

import matplotlib.pyplot as plt

from .. import actors, datasets, plots
from ..actors.matcher_cache import default_matcher
from . import figure

__all__ = ["fakes_actors_by_outlet", "fakes_actors_over_time", "registry_coverage"]


def _fakes_mentions():
    articles, _ = datasets.load("fa-kes")
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    mentions = actors.without_kinds(actors.tag_actors(articles, registry=matcher), "media", actors=registry.actors)
    return articles, mentions, registry


@figure("fakes_actors_by_outlet", inputs=["fa-kes"], params={"n": 25})
def fakes_actors_by_outlet(*, n: int):
    """Share of each FA-KES outlet's articles that mention an actor, for the most-mentioned actors."""
    articles, mentions, registry = _fakes_mentions()
    counts = actors.actor_counts(mentions, articles=articles, by="source", actors=registry.actors)
    fig, ax = plt.subplots(figsize=(9, 7), layout="constrained")
    plots.plot_top_actors(counts, group="source", value="share", n=n, ax=ax)
    ax.set_title(f"FA-KES: share of each outlet's articles naming the actor (top {n})")
    return fig, counts


@figure("fakes_actors_over_time", inputs=["fa-kes"], params={"period": "Q", "n": 6})
def fakes_actors_over_time(*, period: str, n: int):
    """Share of FA-KES articles per quarter that mention each of the most-mentioned actors."""
    articles, mentions, registry = _fakes_mentions()
    counts = actors.actor_counts(mentions, articles=articles, by=None, period=period, actors=registry.actors)
    top = (counts.groupby("actor_id")["articles"].sum().sort_values(ascending=False, kind="stable")
           .index[:n].tolist())
    fig, ax = plt.subplots(figsize=(9, 3.8), layout="constrained")
    plots.plot_actor_timeline(counts, actors=top, period="period", value="share", ax=ax, marker="o", markersize=3)
    ax.set_title(f"FA-KES: share of each quarter's articles naming the {n} most-mentioned actors")
    return fig, counts[counts["actor_id"].isin(top)].reset_index(drop=True)


@figure("registry_coverage", inputs=["leaders-cia"], params={"first": 1995, "last": 2026})
def registry_coverage(*, first: int, last: int):
    """Share of the 195 states with exactly one recorded head of state and of government on 1 July of each year."""
    coverage = actors.registry_coverage(actors.load_registry(), years=range(first, last + 1))
    coverage["actor_id"] = coverage["role"]
    fig, ax = plt.subplots(figsize=(9, 3.8), layout="constrained")
    plots.plot_actor_timeline(coverage, actors=["head_of_state", "head_of_government"], period="year", value="share",
                              ax=ax, marker="o", markersize=3)
    ax.set_ylim(0, 1.02)
    ax.set_ylabel("share of the 195 states")
    ax.set_title("Actor registry: states with one recorded head of state / of government on 1 July")
    return fig, coverage.drop(columns="actor_id")

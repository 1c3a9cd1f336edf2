"""Figures of directed events: whom Putin called, the White House's counterparts by region, who attacks whom."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import datasets, events, plots
from ..actors.matcher_cache import default_matcher
from . import figure

__all__ = ["kremlin_putin_calls", "wh_call_regions", "fakes_who_attacks_whom", "state_regions"]

_PUTIN = "per:vladimir_putin"


def _phone(ev: pd.DataFrame) -> pd.DataFrame:
    """CONSULT/telephone events with both sides, not negated, one row per (readout, source, target); the sides
    the registry knows only (a discovered or title-read counterpart has no country to place it)."""
    keep = ((ev["event"] == "CONSULT") & (ev["mode"] == "telephone") & (ev["target"] != "") & (ev["source"] != "")
            & ~ev["negated"] & ~ev["hypothetical"] & ~ev["discovered"])
    return ev[keep].drop_duplicates(["article_id", "source", "target"])


def _country(actor_ids: pd.Series, registry) -> pd.Series:
    """The state of each actor: a state itself, a person or group its registry country."""
    table = registry.actors.set_index("actor_id")
    kind, country = table["kind"], table["country"]
    return actor_ids.map(lambda a: a if kind.get(a) == "state" else (country.get(a) or pd.NA))


def state_regions(states: pd.Series) -> pd.Series:
    """The region of each state id (ISO-3): the area of its first IANA time zone in CLDR (babel), as Africa,
    Americas, Asia, Europe or Oceania; Atlantic and Indian Ocean zones go to the continent of the state
    (pycountry's name is not used). ``<NA>`` for ids that are not states."""
    import pycountry
    from babel.core import get_global

    zones = get_global("territory_zones")
    area = {"America": "Americas", "Australia": "Oceania", "Pacific": "Oceania", "Africa": "Africa",
            "Asia": "Asia (with the Middle East)", "Europe": "Europe", "Atlantic": "Africa", "Indian": "Africa"}
    islands = {"ISL": "Europe", "PRT": "Europe", "MDV": "Asia", "BMU": "Americas", "FLK": "Americas"}
    out = {}
    for code in states.dropna().unique():
        country = pycountry.countries.get(alpha_3=str(code))
        tz = zones.get(country.alpha_2, []) if country else []
        if tz:
            out[code] = islands.get(code, area.get(tz[0].split("/")[0], pd.NA))
    return states.map(out).astype("string")


@figure("kremlin_putin_calls", inputs=["kremlin-en"], params={"n": 25})
def kremlin_putin_calls(*, n: int):
    """Whom Putin called, by year: CONSULT/telephone events of the Kremlin's telephone readouts (not title counts)."""
    articles, _ = datasets.load("kremlin-en")
    calls = articles[articles["telephone"].astype("boolean").fillna(False)]
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    ev = _phone(events.readout_events(calls, registry=matcher))
    ev = ev[ev["source"] == _PUTIN]
    year = calls.set_index("article_id")["published"].dt.year.astype("Int64").astype("string")
    country = _country(ev["target"], registry)
    label = dict(zip(registry.actors["actor_id"], registry.actors["label"], strict=True))
    ev = ev.assign(year=ev["article_id"].map(year).to_numpy(), label=country.map(label).to_numpy())
    counts = (ev.dropna(subset=["label"]).drop_duplicates(["article_id", "label"])
              .groupby(["label", "year"]).size().rename("calls").reset_index())
    top = counts.groupby("label")["calls"].sum().sort_values(ascending=False, kind="stable").index[:n].tolist()
    fig, ax = plt.subplots(figsize=(10, 7), layout="constrained")
    plots.plot_period_heatmap(counts, group="label", period="year", count="calls", order=top, ax=ax)
    ax.set_title(f"Putin's calls by the counterpart's country: CONSULT/telephone events of "
                 f"{ev['article_id'].nunique()} of {len(calls)} Kremlin readouts (top {n})", loc="left")
    return fig, counts.sort_values(["label", "year"], kind="stable").reset_index(drop=True)


@figure("wh_call_regions", inputs=["wh-readouts"], params={})
def wh_call_regions():
    """The White House's call counterparts by region and year: CONSULT/telephone events of its call readouts."""
    articles, _ = datasets.load("wh-readouts")
    calls = articles[articles["title"].str.contains(r"\bcalls? with\b", case=False, regex=True, na=False)]
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    ev = _phone(events.readout_events(calls, registry=matcher))
    state = _country(ev["target"], registry)
    ev = ev.assign(region=state_regions(state).fillna("organisation or unknown").to_numpy())
    ev = ev[state.fillna("") != "USA"]  # domestic calls (governors, senators) are not foreign counterparts
    year = calls.set_index("article_id")["published"].dt.year.astype("Int64").astype("string")
    counts = (ev.assign(year=ev["article_id"].map(year).to_numpy()).drop_duplicates(["article_id", "region"])
              .groupby(["year", "region"]).size().rename("calls").reset_index())
    fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    plots.plot_stacked_counts(counts, group="year", stack="region", count="calls", normalize=False, ax=ax)
    ax.set_title(f"White House calls by the counterpart's region: {ev['article_id'].nunique()} of {len(calls)} "
                 "call readouts give a foreign counterpart", loc="left")
    return fig, counts


@figure("fakes_who_attacks_whom", inputs=["fa-kes"], params={"max_nodes": 14})
def fakes_who_attacks_whom(*, max_nodes: int):
    """SANA versus the other FA-KES outlets: who is described as attacking whom (ASSAULT and FIGHT events)."""
    articles, _ = datasets.load("fa-kes")
    matcher = default_matcher()  # the built-in registry's matcher, built once per process
    registry = matcher.registry
    ev = events.extract_events(articles, registry=matcher)
    ev = ev[ev["event"].isin(["ASSAULT", "FIGHT"])]
    outlet = articles.set_index("article_id")["source"].map(lambda s: "SANA" if s == "sana" else "other outlets")
    labels = dict(zip(registry.actors["actor_id"], registry.actors["label"], strict=True))
    fig, axes = plt.subplots(1, 2, figsize=(15, 6.5), layout="constrained")
    tables = []
    for ax, name in zip(axes, ["SANA", "other outlets"], strict=True):
        part = ev[ev["article_id"].map(outlet) == name]
        edges = events.event_edges(part, articles=articles, evidence=1)
        plots.plot_event_network(edges, labels=labels, max_nodes=max_nodes, ax=ax)
        ax.set_title(f"{name}: {part['event_id'].nunique()} attack and fighting events, "
                     f"{len(edges)} directed pairs (arrow: attacker → attacked)")
        tables.append(edges.drop(columns="evidence").assign(outlet=name))
    return fig, pd.concat(tables, ignore_index=True)

"""Dyads over time: event counts, a cooperation–conflict score, and the directed event network with its evidence.

The score uses PLOVER's quad classes, weighted like a coarse Goldstein scale (:data:`QUAD_CLASS`,
:data:`QUAD_WEIGHT`): verbal cooperation (AGREE, CONSULT, SUPPORT) +1, material cooperation (COOPERATE, AID,
RETREAT, CONCEDE) +2, verbal conflict (INVESTIGATE, DEMAND, DISAPPROVE, REJECT, THREATEN) -1, material conflict
(PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT, FIGHT) -2. A dyad's score in a period is the mean weight of its
events: from -2 (only material conflict) to +2 (only material cooperation). Negated and hypothetical events
are left out by default: "did not attack" and "threatened to attack" are not attacks (a threat is counted as
the THREATEN event its own cue gives).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .._tables import as_list, check_by, check_columns, check_period, period_of
from ..segment import sentence_spans

__all__ = ["QUAD_CLASS", "QUAD_WEIGHT", "dyad_counts", "dyad_scores", "event_edges"]

#: PLOVER's quad class of each event type.
QUAD_CLASS: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "CONCEDE"), "material cooperation"),
    **dict.fromkeys(("INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT"), "material conflict"),
}
#: Weight of each quad class in the cooperation–conflict score.
QUAD_WEIGHT: dict[str, int] = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": -1,
                               "material conflict": -2}
_RESERVED = ("source", "target", "event", "period", "events", "score", "first", "last")
_FIX = "pass the events table from extract_events()"


def _prepare(events: pd.DataFrame, *, func: str, articles: pd.DataFrame | None, by, period, keep_negated: bool,
             keep_hypothetical: bool, keep_self: bool) -> tuple[pd.DataFrame, list[str]]:
    check_columns(events, ["event_id", "article_id", "event", "source", "target", "negated", "hypothetical",
                           "published"], func=func, name="events", fix=_FIX)
    check_period(period, func=func)
    by = as_list(by)
    check_by(by, func=func, reserved=_RESERVED)
    ev = events[events["event"].notna() & (events["source"].fillna("") != "") & (events["target"].fillna("") != "")]
    if not keep_negated:
        ev = ev[~ev["negated"].astype(bool)]
    if not keep_hypothetical:
        ev = ev[~ev["hypothetical"].astype(bool)]
    if not keep_self:
        ev = ev[ev["source"] != ev["target"]]
    if by:
        missing = [c for c in by if c not in ev.columns]
        if missing:
            if articles is None:
                raise ValueError(f"{func}: by={by} names column(s) {missing} that events lacks; pass articles= "
                                 "holding them (e.g. an outlet column).")
            check_columns(articles, ["article_id", *missing], func=func, name="articles",
                          fix="add the by= columns to the articles table")
            ev = ev.merge(articles[["article_id", *missing]].drop_duplicates("article_id"), on="article_id",
                          how="left")
    ev = ev.assign(period=period_of(ev["published"], period, func=func)) if period else ev
    return ev, by + (["period"] if period else [])


def dyad_counts(events: pd.DataFrame, *, articles: pd.DataFrame | None = None, period: str | None = None,
                by: str | Iterable[str] | None = None, event: bool = True, keep_negated: bool = False,
                keep_hypothetical: bool = False, keep_self: bool = False) -> pd.DataFrame:
    """Directed event counts per dyad (source → target), by event type, group and period.

    Parameters
    ----------
    events : DataFrame
        From :func:`~diplolib.events.extract_events`.
    articles : DataFrame, optional
        Supplies the ``by`` columns the events lack (an ``outlet`` column, say; the articles' ``source`` would
        clash with the events' source actor: copy it to another name first).
    period : {"D", "W", "M", "Q", "Y"}, optional
        Cut ``published`` into periods (see :mod:`diplolib._tables`).
    by : str or list of str, optional
        Group columns.
    event : bool
        Count per event type too (an ``event`` column); otherwise all types together.
    keep_negated, keep_hypothetical, keep_self : bool
        Keep negated, hypothetical and self-directed (domestic) events.

    Returns
    -------
    DataFrame
        ``[by…], [period], source, target, [event], events`` (distinct event ids), ``first``, ``last``;
        rows without both a source and a target are not counted.
    """
    ev, groups = _prepare(events, func="dyad_counts", articles=articles, by=by, period=period,
                          keep_negated=keep_negated, keep_hypothetical=keep_hypothetical, keep_self=keep_self)
    keys = [*groups, "source", "target", *(["event"] if event else [])]
    out = (ev.groupby(keys, dropna=False, sort=True, observed=True)
           .agg(events=("event_id", "nunique"), first=("published", "min"), last=("published", "max"))
           .reset_index())
    return out.astype({"events": "int64"})


def dyad_scores(events: pd.DataFrame, *, articles: pd.DataFrame | None = None, period: str | None = "Y",
                by: str | Iterable[str] | None = None, directed: bool = True, keep_self: bool = False
                ) -> pd.DataFrame:
    """The cooperation–conflict score of each dyad per period (mean quad-class weight, -2 … +2).

    Parameters
    ----------
    events : DataFrame
        From :func:`~diplolib.events.extract_events`.
    articles, by, keep_self :
        As in :func:`dyad_counts`.
    period : {"D", "W", "M", "Q", "Y"} or None
        Periods (yearly by default).
    directed : bool
        Score source → target apart from target → source; otherwise the unordered pair (``source`` is then the
        smaller id).

    Returns
    -------
    DataFrame
        ``[by…], [period], source, target, events``, one count column per quad class, ``score``.
    """
    ev, groups = _prepare(events, func="dyad_scores", articles=articles, by=by, period=period,
                          keep_negated=False, keep_hypothetical=False, keep_self=keep_self)
    if not directed:
        a, b = ev["source"].to_numpy(dtype=object), ev["target"].to_numpy(dtype=object)
        swap = b < a
        ev = ev.assign(source=np.where(swap, b, a), target=np.where(swap, a, b))
    ev = ev.drop_duplicates(["event_id", "source", "target"]).assign(quad=ev["event"].map(QUAD_CLASS))
    ev = ev.assign(weight=ev["quad"].map(QUAD_WEIGHT).astype(float))
    keys = [*groups, "source", "target"]
    scores = ev.groupby(keys, sort=True, observed=True).agg(events=("event_id", "nunique"),
                                                              score=("weight", "mean"))
    quads = pd.crosstab([ev[k] for k in keys], ev["quad"]).reindex(columns=list(QUAD_WEIGHT), fill_value=0)
    out = scores.join(quads).reset_index()
    return out[[*keys, "events", *QUAD_WEIGHT, "score"]]


def event_edges(events: pd.DataFrame, *, articles: pd.DataFrame, evidence: int = 3, min_events: int = 1,
                text: str = "text") -> pd.DataFrame:
    """The directed event network as an edge table, with the sentences behind each edge.

    Parameters
    ----------
    events : DataFrame
        From :func:`~diplolib.events.extract_events` (negated and hypothetical rows are left out).
    articles : DataFrame
        The articles the events come from (``article_id`` and ``text``): the evidence sentences.
    evidence : int
        Sentences kept per edge (the first ones in article order).
    min_events : int
        Drop edges with fewer events.

    Returns
    -------
    DataFrame
        ``actor_a`` (source), ``actor_b`` (target), ``n`` (events), ``score`` (mean quad-class weight),
        ``cooperation``, ``conflict`` (event counts), ``types`` (``TYPE:count`` by frequency), ``evidence``
        (sentences joined by `` | ``), ``first``, ``last``: the shape of the co-mention edges, so that
        :func:`diplolib.comention.to_graph` and :func:`~diplolib.comention.export_graph` take it (build a
        directed graph with :func:`diplolib.events.event_graph`).
    """
    check_columns(articles, ["article_id", text], func="event_edges", name="articles",
                  fix="pass the articles table the events were extracted from")
    ev, _ = _prepare(events, func="event_edges", articles=None, by=None, period=None, keep_negated=False,
                     keep_hypothetical=False, keep_self=False)
    ev = ev.drop_duplicates(["event_id", "source", "target"])
    ev = ev.assign(weight=ev["event"].map(QUAD_CLASS).map(QUAD_WEIGHT).astype(float))
    keys = ["source", "target"]
    grouped = ev.groupby(keys, sort=True)
    out = grouped.agg(n=("event_id", "nunique"), score=("weight", "mean"), first=("published", "min"),
                      last=("published", "max"))
    out["cooperation"] = grouped["weight"].agg(lambda w: int((w > 0).sum()))
    out["conflict"] = grouped["weight"].agg(lambda w: int((w < 0).sum()))
    out["types"] = grouped["event"].agg(lambda s: ";".join(f"{k}:{v}" for k, v in s.value_counts().items()))
    out = out[out["n"] >= min_events].reset_index()
    firsts = ev.drop_duplicates([*keys, "article_id", "sentence"]).groupby(keys, sort=True).head(evidence)
    texts = articles.drop_duplicates("article_id").set_index("article_id")[text]
    spans = {a: sentence_spans(texts[a]) for a in firsts["article_id"].unique() if isinstance(texts.get(a), str)}
    firsts = firsts.assign(sentence_text=[texts[a][slice(*spans[a][s])] if a in spans and 0 <= s < len(spans[a])
                                          else "" for a, s in zip(firsts["article_id"], firsts["sentence"],
                                                                  strict=True)])
    ev_text = firsts.groupby(keys, sort=True)["sentence_text"].agg(" | ".join).rename("evidence")
    out = out.merge(ev_text.reset_index(), on=keys, how="left")
    out = out.rename(columns={"source": "actor_a", "target": "actor_b"})
    cols = ["actor_a", "actor_b", "n", "score", "cooperation", "conflict", "types", "evidence", "first", "last"]
    return out[cols].sort_values(["n", "actor_a", "actor_b"], ascending=[False, True, True],
                                 kind="stable").reset_index(drop=True)

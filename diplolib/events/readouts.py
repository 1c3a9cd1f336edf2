"""Call readouts: the events of the titles of the Kremlin's and the White House's readouts, and their check.

A readout title either names both sides ("Readout of President Biden's Call with Prime Minister Ishiba of
Japan", "President Vladimir Putin had a telephone conversation with …") or only the counterpart ("Telephone
conversation with President of Italy Giuseppe Conte"): the issuer's own leader is then the source. The issuer
is read from the ``source`` outlet (:data:`ISSUERS`) and its leader is the head of state of that state on the
readout's date, from the registry's roles (Dmitry Medvedev's calls of 2008–2012 are his, not Putin's). The same
cue lexicon and extractor as for the body text read the titles: nothing here is specific to one title formula.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .._tables import check_columns
from ..actors import ActorMatcher, load_registry, tag_actors
from .extract import extract_events

__all__ = ["ISSUERS", "readout_events", "issuer_leaders", "readout_check"]

#: Outlet (the articles' ``source``) → the state whose head of state issues its readouts.
ISSUERS: dict[str, str] = {"kremlin": "RUS", "whitehouse": "USA"}


def _matcher(registry) -> ActorMatcher:
    if isinstance(registry, ActorMatcher):
        return registry
    return ActorMatcher(registry if registry is not None else load_registry())


def issuer_leaders(articles: pd.DataFrame, *, registry=None, issuers: Mapping[str, str] | None = None
                   ) -> pd.Series:
    """The head of state of each article's issuing state on its date (``<NA>`` when unknown).

    Parameters
    ----------
    articles : DataFrame
        Needs ``source`` (the outlet) and ``published``.
    registry : Registry or ActorMatcher, optional
        Whose roles date the leaders (the built-in registry by default).
    issuers : mapping, optional
        Outlet → state id; :data:`ISSUERS` by default.
    """
    check_columns(articles, ["source", "published"], func="issuer_leaders", name="articles",
                  fix="pass the articles table from datasets.load()")
    matcher = _matcher(registry)
    issuers = dict(ISSUERS if issuers is None else issuers)
    when = pd.to_datetime(articles["published"], errors="coerce", utc=True).dt.tz_localize(None).dt.normalize()
    state = articles["source"].map(issuers)
    pairs = pd.DataFrame({"state": state, "when": when}).drop_duplicates()
    lookup = {(s, w): matcher.holder("head_of_state", s, w) for s, w in pairs.itertuples(index=False)
              if isinstance(s, str) and pd.notna(w)}
    out = [lookup.get((s, w)) for s, w in zip(state, when, strict=True)]
    return pd.Series(out, index=articles.index, dtype="string", name="speaker")


def readout_events(articles: pd.DataFrame, *, registry=None, issuers: Mapping[str, str] | None = None,
                   cues=None) -> pd.DataFrame:
    """The events of the readouts' titles, the issuer's leader as the source where the title names none.

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id``, ``title``, ``source``, ``published``; ``lang`` (else English).
    registry : Registry or ActorMatcher, optional
        Tags the titles and dates the leaders.
    issuers : mapping, optional
        Outlet → issuing state (:data:`ISSUERS`).
    cues : optional
        As in :func:`extract_events`.

    Returns
    -------
    DataFrame
        The events table (see :func:`extract_events`); offsets are into the title.
    """
    check_columns(articles, ["article_id", "title", "source", "published"], func="readout_events",
                  name="articles", fix="pass the articles table from datasets.load('kremlin-en') or 'wh-readouts'")
    matcher = _matcher(registry)
    titles = pd.DataFrame({"article_id": articles["article_id"], "text": articles["title"],
                           "published": articles["published"],
                           "lang": articles["lang"] if "lang" in articles.columns else "en",
                           "speaker": issuer_leaders(articles, registry=matcher, issuers=issuers)})
    mentions = tag_actors(titles, registry=matcher)
    return extract_events(titles, mentions, registry=matcher, speaker="speaker", cues=cues)


def readout_check(articles: pd.DataFrame, events: pd.DataFrame, *, registry=None,
                  issuers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Did each telephone readout give a CONSULT/telephone event from the issuer's leader to the counterpart?

    Parameters
    ----------
    articles : DataFrame
        The readouts (``article_id``, ``title``, ``source``, ``published``).
    events : DataFrame
        From :func:`readout_events` on the same articles.

    Returns
    -------
    DataFrame
        One row per readout: ``article_id``, ``title``, ``leader`` (the issuer's head of state that day),
        ``named`` (actors the title names outside the issuing state: the counterparts, ``;``-joined),
        ``source``, ``target`` (of the first CONSULT/telephone event), ``ok`` (source is the leader or an actor the
        title names, and the target is one the title names), ``resolved`` (the title names a counterpart the
        registry resolves at all).
    """
    matcher = _matcher(registry)
    leader = issuer_leaders(articles, registry=matcher, issuers=issuers)
    titles = pd.DataFrame({"article_id": articles["article_id"], "text": articles["title"],
                           "published": articles["published"]})
    mentions = tag_actors(titles, registry=matcher).dropna(subset=["actor_id"])
    state = articles.set_index("article_id")["source"].map(dict(ISSUERS if issuers is None else issuers))
    named = {a: set(g) for a, g in mentions.groupby("article_id")["actor_id"]}
    phone = events[(events["event"] == "CONSULT") & (events["mode"] == "telephone") & (events["target"] != "")]
    first = phone.drop_duplicates("article_id").set_index("article_id")
    ids = articles["article_id"]
    out = pd.DataFrame({"article_id": ids.to_numpy(), "title": articles["title"].to_numpy(),
                        "leader": leader.to_numpy()})
    names = [named.get(a, set()) for a in ids]
    table = matcher.registry.actors
    country = dict(zip(table["actor_id"], table["country"].fillna(""), strict=True))
    own_state = [state.get(a) for a in ids]
    # the counterparts: what the title names outside the issuing state (its leader, its people, itself)
    others = [{x for x in n if x != st and country.get(x) != st} for n, st in zip(names, own_state, strict=True)]
    out["named"] = [";".join(sorted(x)) for x in others]
    out["source"] = ids.map(first["source"]).to_numpy() if len(first) else pd.NA
    out["target"] = ids.map(first["target"]).to_numpy() if len(first) else pd.NA
    src_ok = [isinstance(s, str) and (s == lead or s in n) for s, lead, n
              in zip(out["source"], out["leader"], names, strict=True)]
    tgt_ok = [isinstance(t, str) and t in o for t, o in zip(out["target"], others, strict=True)]
    out["ok"] = np.array(src_ok) & np.array(tgt_ok)
    out["resolved"] = [bool(o) for o in others]
    return out

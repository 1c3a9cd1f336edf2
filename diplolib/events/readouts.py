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

import pandas as pd

from .._tables import check_columns
from ..actors import ActorMatcher, tag_actors
from ..actors.matcher_cache import as_matcher
from .counterparts import counterpart_phrases, title_counterparts
from .extract import extract_events
from .offices import role_states

__all__ = ["ISSUERS", "readout_events", "issuer_leaders", "readout_check"]

#: Outlet (the articles' ``source``) → the state whose head of state issues its readouts.
ISSUERS: dict[str, str] = {"kremlin": "RUS", "whitehouse": "USA"}


def _matcher(registry) -> ActorMatcher:
    return as_matcher(registry)


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
    titles, mentions = _title_mentions(articles, matcher, issuers)
    return extract_events(titles, mentions, registry=matcher, speaker="speaker", cues=cues)


def _title_mentions(articles: pd.DataFrame, matcher: ActorMatcher, issuers: Mapping[str, str] | None
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The titles as articles (the issuer's leader as ``speaker``) and their mentions, the counterparts the
    registry lacks added (:func:`~diplolib.events.counterparts.title_counterparts`)."""
    leader = issuer_leaders(articles, registry=matcher, issuers=issuers)
    titles = pd.DataFrame({"article_id": articles["article_id"], "text": articles["title"],
                           "published": articles["published"],
                           "lang": articles["lang"] if "lang" in articles.columns else "en", "speaker": leader})
    mentions = title_counterparts(titles, tag_actors(titles, registry=matcher), registry=matcher)
    # "Readout of the President's Call with …": an office without its country before the counterpart is the
    # issuer's (the tagger leaves it unresolved, "no-context", as the titles carry no outlet)
    first = counterpart_phrases(titles["text"])["start"].set_axis(titles["article_id"].to_numpy())
    at = first.reindex(mentions["article_id"].to_numpy()).to_numpy()
    office = ((mentions["alias_kind"] == "context_role") & mentions["actor_id"].isna()).to_numpy() & (
        mentions["end"].to_numpy() <= at)
    if office.any():
        lead = leader.set_axis(titles["article_id"].to_numpy())
        mentions = mentions.copy()
        mentions.loc[office, "actor_id"] = lead.reindex(mentions.loc[office, "article_id"].to_numpy()).to_numpy()
    return titles, mentions


def readout_check(articles: pd.DataFrame, events: pd.DataFrame, *, registry=None,
                  issuers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Did each telephone readout give a CONSULT/telephone event between the issuer's leader and a counterpart?

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
        ``named`` (the counterparts: actors the title names outside the issuer's side -- its leader that day,
        the state, its people -- a state standing for a leader the registry lacks; ``;``-joined), ``source``,
        ``target`` (of a CONSULT/telephone event between the two sides, else of the first one), ``ok`` (such an
        event exists, in either direction), ``resolved`` (the title names a counterpart the registry resolves),
        ``discovered`` (its only counterparts are ones the registry lacks: discovered people, groups, names read
        off the title, :mod:`~diplolib.events.counterparts`). A person of the issuing state named after "call
        with" (a governor, a minister) is a counterpart; one named before it is on the issuer's side.
    """
    matcher = _matcher(registry)
    titles, mentions = _title_mentions(articles, matcher, issuers)
    leader = titles["speaker"]
    mentions = role_states(mentions, matcher.registry).dropna(subset=["actor_id"])
    state = articles.set_index("article_id")["source"].map(dict(ISSUERS if issuers is None else issuers))
    named = {a: set(g) for a, g in mentions.groupby("article_id")["actor_id"]}
    lacked = set(mentions.loc[mentions["discovered"], "actor_id"])
    # the people of the issuing state the counterpart phrase names ("Call with Governor …") are counterparts
    phrase = counterpart_phrases(titles["text"]).set_axis(titles["article_id"].to_numpy())
    at = phrase.reindex(mentions["article_id"].to_numpy()).to_numpy()
    inside = (mentions["start"].to_numpy() >= at[:, 0]) & (mentions["end"].to_numpy() <= at[:, 1]) & (at[:, 0] >= 0)
    called = {a: set(g) for a, g in mentions[inside].groupby("article_id")["actor_id"]}
    phone = events[(events["event"] == "CONSULT") & (events["mode"] == "telephone") & (events["target"] != "")]
    pairs = {a: list(zip(g["source"], g["target"], strict=True)) for a, g in phone.groupby("article_id")}
    ids = articles["article_id"].tolist()
    table = matcher.registry.actors
    country = dict(zip(table["actor_id"], table["country"].fillna(""), strict=True))
    # the issuer's side: its leader, the state, and people of the state the title names ("National Security
    # Advisor Jake Sullivan's Call with …"); the counterparts: everyone else the title names
    own = [{lead, state.get(a)} | {x for x in named.get(a, set()) - called.get(a, set())
                                   if country.get(x) == state.get(a)} for a, lead in zip(ids, leader, strict=True)]
    others = [named.get(a, set()) - o for a, o in zip(ids, own, strict=True)]
    chosen, ok = [], []
    for a, mine, counterparts in zip(ids, own, others, strict=True):
        found = pairs.get(a, [])
        good = [(s, t) for s, t in found if (s in mine and t in counterparts) or (t in mine and s in counterparts)]
        chosen.append(good[0] if good else (found[0] if found else (pd.NA, pd.NA)))
        ok.append(bool(good))
    return pd.DataFrame({"article_id": ids, "title": articles["title"].to_numpy(), "leader": leader.to_numpy(),
                         "named": [";".join(sorted(x)) for x in others],
                         "source": [c[0] for c in chosen], "target": [c[1] for c in chosen], "ok": ok,
                         "resolved": [bool(o - lacked) for o in others],
                         "discovered": [bool(o & lacked) and not (o - lacked) for o in others]})
